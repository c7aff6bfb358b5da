package dev.benchdeck.driver.jdbc.pool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool behind {@link JdbcPool}: idle connections in a LIFO deque, borrowed as proxies whose
 * {@code close()} returns them. It opens its floor of connections {@value #PARALLEL_LOGINS} at a
 * time on virtual threads; HikariCP, used before, adds one connection and then sleeps 30 ms, so 500
 * connections took at least 15 s. A connection goes back only if it is still open, younger than the
 * max lifetime and its login credential has not expired; the networkTimeout and autocommit a
 * borrower changed are restored.
 */
final class ConnectionPool {

    /** Logins in flight at once while filling: enough to overlap round trips and both sides' SCRAM work. */
    static final int PARALLEL_LOGINS = 8;
    /** How often a borrower waiting for a connection checks whether it may open one itself. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** An open connection and what the pool knows of it. */
    private static final class Pooled {
        final Connection raw;
        final long openedNanos;
        final Instant loginExpiry;
        boolean networkTimeoutChanged;
        boolean autoCommitChanged;

        Pooled(Connection raw, Instant loginExpiry) {
            this.raw = raw;
            this.openedNanos = System.nanoTime();
            this.loginExpiry = loginExpiry;
        }
    }

    private final FreshCredentialConnector connector;
    private final long maxLifetimeNanos;
    private final long acquireTimeoutNanos;
    private final boolean loginsExpire;
    private final Clock clock;
    private final LinkedBlockingDeque<Pooled> idle = new LinkedBlockingDeque<>();
    /** Connections open or being opened; never above {@link #maximum}. */
    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger loginsInFlight = new AtomicInteger();
    private final AtomicInteger peakLoginsInFlight = new AtomicInteger();
    private final Set<Thread> fillers = ConcurrentHashMap.newKeySet();
    private volatile int minimum;
    private volatile int maximum;
    private volatile boolean closed;
    /** Set when a filler's login failed: filling stops until a borrower's own login succeeds. */
    private volatile SQLException fillFailure;

    ConnectionPool(FreshCredentialConnector connector, int minimum, int maximum, long maxLifetimeNanos,
                   long acquireTimeoutNanos, boolean loginsExpire, Clock clock) {
        this.connector = connector;
        this.minimum = minimum;
        this.maximum = maximum;
        this.maxLifetimeNanos = maxLifetimeNanos;
        this.acquireTimeoutNanos = acquireTimeoutNanos;
        this.loginsExpire = loginsExpire;
        this.clock = clock;
        fill();
    }

    /** Starts fillers until the floor is reached (or being reached), at most {@link #PARALLEL_LOGINS}. */
    private void fill() {
        if (closed || fillFailure != null) {
            return;
        }
        int wanted = Math.min(PARALLEL_LOGINS, minimum - slots.get()) - fillers.size();
        for (int i = 0; i < wanted; i++) {
            Thread filler = Thread.ofVirtual().name("benchdeck-jdbc-login").unstarted(this::fillWhileBelowFloor);
            fillers.add(filler);
            filler.start();
        }
    }

    private void fillWhileBelowFloor() {
        try {
            while (!closed && fillFailure == null && reserveSlot(minimum)) {
                try {
                    idle.offerLast(login());
                } catch (SQLException | RuntimeException e) {
                    fillFailure = e instanceof SQLException sql ? sql : new SQLException("login failed: " + e, e);
                }
            }
        } finally {
            fillers.remove(Thread.currentThread());
        }
    }

    private boolean reserveSlot(int limit) {
        for (int now = slots.get(); now < limit; now = slots.get()) {
            if (slots.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Opens a connection in a reserved slot; the slot is released when the login fails. */
    private Pooled login() throws SQLException {
        peakLoginsInFlight.accumulateAndGet(loginsInFlight.incrementAndGet(), Math::max);
        try {
            FreshCredentialConnector.Login login = connector.open();
            if (closed) {
                login.connection().close();
                throw new SQLException("the pool is closed");
            }
            open.incrementAndGet();
            return new Pooled(login.connection(), login.credential().expiresAt());
        } catch (SQLException | RuntimeException e) {
            slots.decrementAndGet();
            throw e;
        } finally {
            loginsInFlight.decrementAndGet();
        }
    }

    /** An idle connection, or one this thread opens when the pool may grow, waiting up to the acquire timeout. */
    Connection borrow() throws SQLException {
        long deadline = System.nanoTime() + acquireTimeoutNanos;
        waiting.incrementAndGet();
        try {
            while (true) {
                if (closed) {
                    throw new SQLException("the pool is closed");
                }
                Pooled pooled = idle.pollFirst();
                if (pooled == null && reserveSlot(maximum)) {
                    pooled = login();
                    if (fillFailure != null) {
                        fillFailure = null; // logins work again
                        fill();
                    }
                }
                if (pooled == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw exhausted();
                    }
                    pooled = idle.pollFirst(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                    if (pooled == null) {
                        continue;
                    }
                }
                if (usable(pooled)) {
                    active.incrementAndGet();
                    return lease(pooled);
                }
                discard(pooled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a pooled connection", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Keeps the wording of HikariCP's timeout, which {@code SqlErrorClasses} classifies as {@code pool}. */
    private SQLException exhausted() {
        return new SQLTransientConnectionException("benchdeck-jdbc - Connection is not available, request timed out after "
                + TimeUnit.NANOSECONDS.toMillis(acquireTimeoutNanos) + "ms (" + active.get() + " of " + maximum + " in use)",
                "08001", fillFailure);
    }

    private boolean usable(Pooled pooled) throws SQLException {
        return System.nanoTime() - pooled.openedNanos < maxLifetimeNanos && !pooled.raw.isClosed()
                && !(loginsExpire && pooled.loginExpiry != null && !clock.instant().isBefore(pooled.loginExpiry));
    }

    private void giveBack(Pooled pooled) {
        active.decrementAndGet();
        try {
            if (closed || open.get() > maximum || !usable(pooled)) {
                discard(pooled);
                return;
            }
            if (pooled.networkTimeoutChanged) {
                pooled.raw.setNetworkTimeout(Runnable::run, 0);
                pooled.networkTimeoutChanged = false;
            }
            if (pooled.autoCommitChanged) {
                if (!pooled.raw.getAutoCommit()) {
                    pooled.raw.rollback();
                    pooled.raw.setAutoCommit(true);
                }
                pooled.autoCommitChanged = false;
            }
            idle.offerFirst(pooled);
        } catch (SQLException e) {
            discard(pooled); // could not be reset: a fresh connection replaces it
        }
    }

    private void discard(Pooled pooled) {
        try {
            pooled.raw.close();
        } catch (SQLException e) {
            // a connection on its way out; nothing to keep
        }
        open.decrementAndGet();
        slots.decrementAndGet();
        fill();
    }

    /** A proxy that hands the connection back on {@code close()} and fails every call after it. */
    private Connection lease(Pooled pooled) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!returned) {
                            returned = true;
                            giveBack(pooled);
                        }
                        return null;
                    case "isClosed":
                        return returned || pooled.raw.isClosed();
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    case "toString":
                        return "pooled " + pooled.raw;
                    case "setNetworkTimeout":
                        pooled.networkTimeoutChanged = true;
                        break;
                    case "setAutoCommit":
                        pooled.autoCommitChanged = true;
                        break;
                    default:
                        break;
                }
                if (returned) {
                    throw new SQLException("this connection was returned to the pool", "08003");
                }
                try {
                    return method.invoke(pooled.raw, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    void resize(int newMinimum, int newMaximum) {
        if (newMaximum >= maximum) {
            maximum = newMaximum; // grow the ceiling before the floor, shrink the floor first
            minimum = newMinimum;
        } else {
            minimum = newMinimum;
            maximum = newMaximum;
        }
        for (Pooled extra; open.get() > maximum && (extra = idle.pollLast()) != null; ) {
            discard(extra);
        }
        fill();
    }

    int minimum() {
        return minimum;
    }

    int maximum() {
        return maximum;
    }

    int active() {
        return active.get();
    }

    int idle() {
        return idle.size();
    }

    int waiting() {
        return waiting.get();
    }

    int open() {
        return open.get();
    }

    int peakLoginsInFlight() {
        return peakLoginsInFlight.get();
    }

    /** Stops filling, waits briefly for logins in flight, closes idle connections; borrowed ones close on return. */
    void close() {
        closed = true;
        for (Thread filler : Set.copyOf(fillers)) {
            try {
                filler.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Pooled left; (left = idle.pollFirst()) != null; ) {
            discard(left);
        }
    }
}
