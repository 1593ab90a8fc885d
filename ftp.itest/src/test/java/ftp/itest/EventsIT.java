package ftp.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import ftp.core.api.FtpEvents;

/**
 * Issue 13: a bundle subscribed to {@code ftp/*} through Event Admin sees every event a session
 * causes, with its documented properties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsIT extends FtpIT {

    @Inject
    BundleContext context;

    @Test
    public void aSubscriberSeesEveryEventOfASession() throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Hashtable<String, Object> topics = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "ftp/*"));
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, received::add, topics);
        try {
            sites.user("eve", "eves-password");
            int port = sites.create("events", Map.of());
            FTPClient wrong = new FTPClient();
            wrong.connect("127.0.0.1", port);
            assertFalse(wrong.login("eve", "not-her-password"));
            wrong.disconnect();

            FTPClient ftp = Sites.login(port, "eve", "eves-password");
            assertTrue(ftp.makeDirectory("inbox"));
            byte[] data = new byte[123_456];
            assertTrue(ftp.storeFile("inbox/report.pdf", new ByteArrayInputStream(data)));
            assertTrue(ftp.retrieveFile("inbox/report.pdf", new ByteArrayOutputStream()));
            assertTrue(ftp.rename("inbox/report.pdf", "inbox/final.pdf"));
            assertTrue(ftp.deleteFile("inbox/final.pdf"));
            assertTrue(ftp.removeDirectory("inbox"));
            ftp.logout();
            ftp.disconnect();

            // sessions run on their own threads: their events come in no order across sessions
            List<String> expected = List.of(FtpEvents.SESSION_OPENED, FtpEvents.SESSION_OPENED, FtpEvents.LOGIN_FAILED,
                    FtpEvents.SESSION_CLOSED, FtpEvents.SESSION_CLOSED, FtpEvents.LOGIN_SUCCEEDED,
                    FtpEvents.DIRECTORY_CREATED, FtpEvents.UPLOADED, FtpEvents.DOWNLOADED, FtpEvents.RENAMED,
                    FtpEvents.DELETED, FtpEvents.DIRECTORY_REMOVED);
            Map<String, List<Event>> byTopic = new java.util.TreeMap<>();
            for (int i = 0; i < expected.size(); i++) {
                Event event = next(received);
                assertEquals("127.0.0.1", event.getProperty(FtpEvents.CLIENT));
                byTopic.computeIfAbsent(event.getTopic(), t -> new ArrayList<>()).add(event);
            }
            Map<String, Integer> counts = new java.util.TreeMap<>();
            expected.forEach(topic -> counts.merge(topic, 1, Integer::sum));
            byTopic.forEach((topic, list) -> assertEquals(topic, counts.get(topic), Integer.valueOf(list.size())));
            assertEquals("REJECTED", one(byTopic, FtpEvents.LOGIN_FAILED).getProperty(FtpEvents.OUTCOME));
            assertEquals("eve", one(byTopic, FtpEvents.LOGIN_SUCCEEDED).getProperty(FtpEvents.USER));
            Event upload = one(byTopic, FtpEvents.UPLOADED);
            assertEquals("/inbox/report.pdf", upload.getProperty(FtpEvents.PATH));
            assertEquals(123_456L, upload.getProperty(FtpEvents.SIZE));
            assertEquals("binary", upload.getProperty(FtpEvents.TYPE));
            assertTrue(String.valueOf(upload.getProperty(FtpEvents.FILE)),
                    String.valueOf(upload.getProperty(FtpEvents.FILE)).endsWith("/events/eve/inbox/report.pdf"));
            assertEquals(123_456L, one(byTopic, FtpEvents.DOWNLOADED).getProperty(FtpEvents.SIZE));
            Event renamed = one(byTopic, FtpEvents.RENAMED);
            assertEquals("/inbox/report.pdf", renamed.getProperty(FtpEvents.FROM_PATH));
            assertEquals("/inbox/final.pdf", renamed.getProperty(FtpEvents.PATH));
            assertEquals("/inbox/final.pdf", one(byTopic, FtpEvents.DELETED).getProperty(FtpEvents.PATH));
            assertEquals("/inbox", one(byTopic, FtpEvents.DIRECTORY_CREATED).getProperty(FtpEvents.PATH));
            assertEquals("/inbox", one(byTopic, FtpEvents.DIRECTORY_REMOVED).getProperty(FtpEvents.PATH));
            assertTrue("the logged-in session closes with its user", byTopic.get(FtpEvents.SESSION_CLOSED).stream()
                    .anyMatch(event -> "eve".equals(event.getProperty(FtpEvents.USER))));
            byTopic.get(FtpEvents.SESSION_OPENED).forEach(event -> assertNotNull(event.getProperty(FtpEvents.SESSION)));
            Thread.sleep(500);
            assertTrue("no event more", received.stream().noneMatch(event -> "events".equals(event.getProperty(FtpEvents.SITE))));
        } finally {
            handler.unregister();
        }
    }

    /** The next event of this test's site; other sites' events are skipped. */
    private static Event next(BlockingQueue<Event> received) throws InterruptedException {
        while (true) {
            Event event = received.poll(10, TimeUnit.SECONDS);
            assertNotNull("an event is missing", event);
            if ("events".equals(event.getProperty(FtpEvents.SITE))) {
                return event;
            }
        }
    }

    private static Event one(Map<String, List<Event>> byTopic, String topic) {
        assertNotNull("no " + topic, byTopic.get(topic));
        return byTopic.get(topic).get(0);
    }
}
