package dev.benchdeck.server.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.report.Comparison;
import dev.benchdeck.report.ComparisonOptions;
import dev.benchdeck.report.CsvExport;
import dev.benchdeck.report.HtmlReport;
import dev.benchdeck.report.IncomparableRunsException;
import dev.benchdeck.report.JUnitXml;
import dev.benchdeck.report.JsonReport;
import dev.benchdeck.report.MarkdownSummary;
import dev.benchdeck.report.ReportInputException;
import dev.benchdeck.report.ReportRun;
import dev.benchdeck.report.ResultFiles;
import dev.benchdeck.server.run.RunDocuments;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.UnprocessableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Service;

/** Builds the report module's runs from stored runs and writes their reports and comparisons. */
@Service
class ReportService {

    private final RunDocuments documents;
    private final PlanReader planReader;

    ReportService(RunDocuments documents, PlanReader planReader) {
        this.documents = documents;
        this.planReader = planReader;
    }

    /** Run {@code id} as reports see it, named {@code run <id>}; a run still going has its figures so far. */
    ReportRun run(long id) {
        ObjectNode document = documents.resultDocument(id);
        String planYaml = documents.planYaml(id);
        document.put("plan_yaml", planYaml);
        document.put("driver", driverOf(planYaml));
        try {
            return ResultFiles.read("run " + id, new ByteArrayInputStream(Json.write(document).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs compared in the order given, the first the baseline. */
    Comparison compare(List<Long> runIds, double confidence) {
        ComparisonOptions options;
        try {
            options = ComparisonOptions.DEFAULTS.withConfidence(confidence);
        } catch (ReportInputException e) {
            throw new BadRequestException("invalid comparison", List.of(new FieldProblem("confidence",
                    "must be between 0 and 1 (e.g. 0.99 for 99 %)")));
        }
        List<ReportRun> runs = runIds.stream().map(this::run).toList();
        try {
            return Comparison.of(runs, options);
        } catch (IncomparableRunsException e) {
            throw new UnprocessableException(e.getMessage());
        }
    }

    String write(ReportRun run, ReportFormat format) {
        return render(w -> {
            switch (format) {
                case HTML -> HtmlReport.run(run, w);
                case MD -> MarkdownSummary.run(run, w);
                case CSV -> CsvExport.steps(run.result(), w);
                case INTERVALS_CSV -> CsvExport.intervals(run.result(), w);
                case JUNIT -> JUnitXml.run(run, w);
                case JSON -> JsonReport.run(run, w);
            }
        });
    }

    String write(Comparison comparison, ReportFormat format) {
        return render(w -> {
            switch (format) {
                case HTML -> HtmlReport.comparison(comparison, w);
                case MD -> MarkdownSummary.comparison(comparison, w);
                case CSV, INTERVALS_CSV -> CsvExport.comparison(comparison, w);
                case JUNIT -> JUnitXml.comparison(comparison, w);
                case JSON -> JsonReport.comparison(comparison, w);
            }
        });
    }

    /** The plan's driver, for the comparison's workload check; null when the stored plan no longer reads (an old version's). */
    private String driverOf(String planYaml) {
        try {
            return planReader.read(planYaml, List.of()).driver();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private interface Body {
        void writeTo(Writer w) throws IOException;
    }

    private static String render(Body body) {
        StringWriter w = new StringWriter();
        try {
            body.writeTo(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
