package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.config.OperationKind;
import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the operation a workload runs (one kind, or a weighted mix) once the table's ids are known. */
public final class Operations {

    private Operations() {
    }

    /** @param maxId the largest id in the table after setup (new rows get ids after it) */
    public static Operation of(JdbcWorkload workload, long maxId) {
        BenchTable table = new BenchTable(workload.table());
        long lastLoaded = Math.max(1, Math.min(workload.rows(), maxId));
        KeyChooser keys = keys(workload, 1, lastLoaded);
        RunIds ids = new RunIds(maxId + 1, keys);
        List<OperationMix.Weighted> weighted = new ArrayList<>();
        for (Map.Entry<OperationKind, Integer> entry : workload.mix().entrySet()) {
            if (entry.getValue() > 0) {
                weighted.add(new OperationMix.Weighted(of(entry.getKey(), workload, table, keys, lastLoaded, ids),
                        entry.getValue()));
            }
        }
        return weighted.size() == 1 ? weighted.get(0).operation() : new OperationMix(weighted);
    }

    private static Operation of(OperationKind kind, JdbcWorkload workload, BenchTable table, KeyChooser keys,
                                long lastLoaded, RunIds ids) {
        return switch (kind) {
            case POINT_SELECT -> new PointSelect(table, keys);
            case RANGE_SCAN -> new RangeScan(table,
                    keys(workload, 1, Math.max(1, lastLoaded - workload.rangeSize() + 1)), workload.rangeSize());
            case INSERT -> new InsertRows(table, 1, ids);
            case BATCH_INSERT -> new InsertRows(table, workload.insertBatch(), ids);
            case UPDATE -> new UpdateBalance(table, keys);
            case DELETE -> new DeleteRow(table, ids);
            case CUSTOM -> new CustomStatement(workload.sql(), ParamGenerator.all(workload.params()));
        };
    }

    private static KeyChooser keys(JdbcWorkload workload, long min, long max) {
        return workload.keys().zipfian() ? new ZipfianKeys(min, max, workload.keys().skew()) : KeyChooser.uniform(min, max);
    }
}
