package dev.benchdeck.cli;

import dev.benchdeck.cli.agent.AgentClient;
import dev.benchdeck.cli.agent.LoadAgent;
import dev.benchdeck.cli.agent.ServerRefusedException;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Be a load agent of a Benchdeck server: register, then run the shards of runs whose plans say "
                + "`agents: N`, sending each second's histograms to the server, which merges them exactly (docs/agents.md).")
final class AgentCommand implements Callable<Integer> {

    private static final long RETRY_MILLIS = 2000;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The server's address, e.g. https://benchdeck.example.com.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:BENCHDECK_AGENT_TOKEN}",
            description = "An API token of scope run (default: the environment variable BENCHDECK_AGENT_TOKEN). Never printed.")
    String token;

    @Option(names = "--name", paramLabel = "NAME", description = "How the Agents page shows it (default: the host name).")
    String name;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label plans can select agents by (agents: {count: 3, labels: {region: eu}}); repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--once", description = "Exit after running one shard.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        String problem = ResultUpload.problemWith(server);
        if (problem != null) {
            System.err.println("--server " + problem);
            return ExitCode.INVALID_INPUT;
        }
        if (token == null || token.isBlank()) {
            System.err.println("--token is required (or BENCHDECK_AGENT_TOKEN): an API token of scope run, from the server's Account → API tokens");
            return ExitCode.INVALID_INPUT;
        }
        String agentName = name != null && !name.isBlank() ? name : hostName();
        exitWithParent(System.getenv("BENCHDECK_AGENT_PARENT_PID"));
        try (AgentClient client = new AgentClient(URI.create(server), token)) {
            LoadAgent agent = new LoadAgent(client, agentName, labels, System.out);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                agent.stop();
                try {
                    main.join(10_000);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            while (true) {
                try {
                    agent.register();
                    break;
                } catch (IOException e) {
                    System.out.println("agent: cannot reach " + server + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); trying again in " + RETRY_MILLIS / 1000 + " s");
                    Thread.sleep(RETRY_MILLIS);
                } catch (ServerRefusedException e) {
                    if (!e.isTemporary()) {
                        throw e;
                    }
                    // many agents starting at once on one token meet its request limit: wait, then register
                    System.out.println("agent: the server is busy (" + e.getMessage() + "); trying again in " + RETRY_MILLIS / 1000 + " s");
                    Thread.sleep(RETRY_MILLIS);
                }
            }
            agent.serve(once);
            return ExitCode.PASSED;
        } catch (ServerRefusedException e) {
            System.err.println("agent: the server refused this agent: " + e.getMessage());
            return ExitCode.AGENT_REFUSED;
        }
    }

    /** A server's local agent ends with its server, however that ends (kill -9 included). */
    private static void exitWithParent(String parentPid) {
        if (parentPid == null || !parentPid.matches("\\d{1,19}")) {
            return;
        }
        java.util.Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
        if (parent.isEmpty()) {
            System.exit(ExitCode.PASSED);
        }
        parent.get().onExit().thenRun(() -> {
            System.out.println("agent: the server that started this agent has ended; so does the agent");
            Runtime.getRuntime().halt(ExitCode.PASSED);
        });
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "agent-" + ProcessHandle.current().pid();
        }
    }
}
