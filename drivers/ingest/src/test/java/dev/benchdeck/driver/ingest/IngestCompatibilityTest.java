package dev.benchdeck.driver.ingest;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.testkit.DriverCompatibilityKit;
import dev.benchdeck.engine.time.EngineClock;
import dev.benchdeck.ingestor.IngestorServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The kit's checks on the ingest driver's HTTP entry, with the real ingestor behind the kit's faulty proxy. */
class IngestCompatibilityTest extends DriverCompatibilityKit {

    private static String db;
    private static IngestorServer ingestor;

    @BeforeAll
    static void startIngestor() throws Exception {
        db = TestSink.freshDatabase();
        ingestor = IngestorPipelineTest.ingestor(db);
    }

    @AfterAll
    static void stopIngestor() {
        ingestor.close();
    }

    @Override
    protected InetSocketAddress backend() {
        return new InetSocketAddress("127.0.0.1", ingestor.port());
    }

    @Override
    protected Driver openDriver(InetSocketAddress target) throws Exception {
        return IngestRuns.spec("{http: {url: 'http://127.0.0.1:" + target.getPort() + "/messages'}, sink: "
                + TestSink.sinkYaml(db, "") + "}", "{driver: ingest}").open(EngineClock.system());
    }
}
