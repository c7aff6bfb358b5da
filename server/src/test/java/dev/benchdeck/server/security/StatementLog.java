package dev.benchdeck.server.security;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every SQL statement the server prepares, in the order prepared: the server's pool is replaced by one that
 * notes the text of each {@code prepareStatement}/{@code prepareCall}/{@code Statement.execute*} before passing it on.
 * Import {@link Config} into a test's context (which then gets a context, and a database, of its own).
 */
public final class StatementLog {

    private static final Queue<String> STATEMENTS = new ConcurrentLinkedQueue<>();

    private StatementLog() {
    }

    public static void clear() {
        STATEMENTS.clear();
    }

    /** The statements since the last {@link #clear()} that authentication makes: tokens, sessions, users by id. */
    public static List<String> authentication() {
        return STATEMENTS.stream().filter(StatementLog::isAuthentication).toList();
    }

    static boolean isAuthentication(String sql) {
        String s = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // Spring Session's minutely clean-up of expired sessions is not a request's
        return (s.contains("api_tokens") || s.contains("spring_session") || s.contains("from users where id"))
                && !s.contains("expiry_time <");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        static BeanPostProcessor statementLoggingPool() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource pool && !(bean instanceof LoggingPool)) {
                        LoggingPool logging = new LoggingPool();
                        pool.copyStateTo(logging);
                        return logging;
                    }
                    return bean;
                }
            };
        }
    }

    /** Still a HikariDataSource (the health check reads the pool's state), handing out connections that note statements. */
    static final class LoggingPool extends HikariDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return logging(super.getConnection());
        }

        private static Connection logging(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if ((name.startsWith("prepare") || name.startsWith("native")) && args != null && args[0] instanceof String sql) {
                    STATEMENTS.add(sql);
                }
                try {
                    Object result = method.invoke(connection, args);
                    if (name.equals("createStatement") && result instanceof java.sql.Statement statement) {
                        return statementLogging(statement);
                    }
                    return result;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static java.sql.Statement statementLogging(java.sql.Statement statement) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                    STATEMENTS.add(sql);
                }
                try {
                    return method.invoke(statement, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (java.sql.Statement) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
                    new Class<?>[] {java.sql.Statement.class}, handler);
        }
    }
}
