package dev.tandem.platform.inbox;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that will pass by itself (the database unreachable or restarting, a connection cut, a
 * serialization failure, a lock or deadlock, no connection free in the pool) from one that will happen again however
 * often the event is retried (a handler's rule refusing it, a constraint it violates, a bug).
 *
 * <p>Read from the cause chain: PostgreSQL's SQLSTATE where there is one, the JDBC exception classes, the
 * socket-level exceptions, and Agroal's pool time-out (which has no SQLSTATE).
 */
public final class TransientFailures {

    /**
     * SQLSTATEs that say "try again later": 08 connection exceptions, 40001 serialization failure, 40P01 deadlock,
     * 53 insufficient resources (e.g. too many connections), 55P03 lock not available, 55000 with the database
     * not accepting connections (ALTER DATABASE … ALLOW_CONNECTIONS false), 57P01–57P03 the server shutting down,
     * crashed or starting up, 57014 a statement cancelled (statement timeout), 58 system errors (I/O).
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "57014");
    private static final Set<String> STATE_CLASSES = Set.of("08", "53", "58");

    private TransientFailures() {
    }

    /** Whether anything in the cause chain says the failure is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SocketException && !(t.getCause() instanceof SQLException)) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql)) {
                return true;
            }
            String type = t.getClass().getName();
            // Hibernate's translations of the states above (the SQLException is usually its cause as well)
            if (type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("org.hibernate.exception.LockAcquisitionException")
                    || type.equals("org.hibernate.PessimisticLockException")
                    || type.equals("jakarta.persistence.PessimisticLockException")
                    || type.equals("jakarta.persistence.LockTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal: no connection could be had from the pool within its acquisition timeout
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout");
        }
        if (STATES.contains(state) || state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2))) {
            return true;
        }
        // 55000 is "object not in prerequisite state" in general; only this meaning of it passes by itself
        return state.equals("55000") && e.getMessage() != null
                && e.getMessage().contains("not currently accepting connections");
    }
}
