package ftp.shell.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.gogo.runtime.Reflective;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import ftp.core.api.SiteAdministration;
import ftp.core.api.UserAdministration;

/**
 * Registers the Gogo functions {@code ftp:*} where Karaf's shell is not. Karaf's shell also runs
 * Gogo functions, beside the actions of {@code ftp.shell.internal.karaf} (found through the
 * Karaf-Commands header): the same names twice would make either one win, so when this bundle is
 * wired to Karaf's shell API, or not to Gogo at all, this registers nothing.
 */
@Component(immediate = true, service = {})
public final class GogoFrontEnd {

    private static final String SCOPE = "ftp";
    private static final String KARAF_SHELL_API = "org.apache.karaf.shell.api.action";
    /** Without Gogo (its optional imports unwired) there is no shell to register with. */
    private static final String GOGO_RUNTIME = "org.apache.felix.gogo.runtime";

    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public GogoFrontEnd(BundleContext context, @Reference SiteAdministration sites, @Reference UserAdministration users) {
        if (wired(context, KARAF_SHELL_API) || !wired(context, GOGO_RUNTIME)) {
            registrations = List.of();
            return;
        }
        GogoCommands commands = new GogoCommands(new FtpShell(sites, users));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", SCOPE);
        properties.put("osgi.command.function", GogoCommands.FUNCTIONS);
        Dictionary<String, Object> userAdd = new Hashtable<>();
        userAdd.put("osgi.command.scope", SCOPE);
        userAdd.put("osgi.command.function", "user-add");
        // a Java method cannot be named user-add: Gogo's own reflection calls useradd with the arguments
        Function function = (session, arguments) -> Reflective.invoke(session, commands, "useradd", arguments);
        registrations = List.of(context.registerService(GogoCommands.class, commands, properties),
                context.registerService(Function.class, function, userAdd));
    }

    private static boolean wired(BundleContext context, String packageName) {
        return context.getBundle().adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> packageName.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
    }

    @Deactivate
    void stop() {
        registrations.forEach(ServiceRegistration::unregister);
    }
}
