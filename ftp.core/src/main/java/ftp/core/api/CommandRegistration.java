package ftp.core.api;

import java.util.List;


/**
 * A command service with its registration properties, as the core dispatches it.
 *
 * @param verbs the verbs it answers
 * @param feature its feature key, empty when it cannot be turned off
 * @param login whether it needs a logged-in user
 * @param duringTransfer whether it runs while a transfer is under way
 * @param heavy whether it reads or copies whole files (bounded per site)
 * @param ranking the service ranking (higher wins a verb)
 * @param serviceId the service id (lower wins a tie)
 * @param command the service
 */
public record CommandRegistration(List<String> verbs, String feature, boolean login, boolean duringTransfer,
        boolean heavy, int ranking, long serviceId, FtpCommand command) {

    public CommandRegistration {
        verbs = List.copyOf(verbs);
    }
}
