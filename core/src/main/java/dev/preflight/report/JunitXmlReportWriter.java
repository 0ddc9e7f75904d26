package dev.preflight.report;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a report as JUnit XML, so CI servers list every check as a test case: one
 * {@code <testsuite>} per target and one {@code <testcase>} per check, named by probe id.
 *
 * <p>FAIL becomes {@code <failure>}, ERROR {@code <error>}, SKIP {@code <skipped>}; WARN passes with
 * its finding in {@code <system-out>}. A waived WARN, FAIL or ERROR is {@code <skipped>}, its message
 * naming the waiver and what it hides. Characters XML 1.0 cannot carry are dropped. The document
 * declares UTF-8: store the characters in that encoding. Stateless and thread-safe.
 *
 * <pre>{@code
 * StringBuilder xml = new StringBuilder();
 * new JunitXmlReportWriter().write(report, xml);
 * }</pre>
 *
 * @since 0.1
 */
public final class JunitXmlReportWriter implements ReportWriter {
    /** The timestamp form of Ant's JUnit schema, which CI servers read, has no zone: so UTC it is. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public void write(Report report, Appendable out) throws IOException {
        StringWriter buffer = new StringWriter();
        try {
            // The JDK's own factory: a StAX implementation elsewhere on the class path must not change the output.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "preflight");
            counts(xml, report.outcomes(), report.duration());
            xml.writeAttribute("timestamp", timestamp(report));
            for (TargetGroup group : TargetGroup.of(report)) {
                suite(xml, group, report);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not render the report as XML", e);
        }
        out.append(buffer.toString()).append('\n');
    }

    private static String timestamp(Report report) {
        return TIMESTAMP.format(report.startedAt());
    }

    private static void suite(XMLStreamWriter xml, TargetGroup group, Report report) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", XmlText.attribute(group.name()));
        counts(xml, group.outcomes(), group.totalDuration());
        xml.writeAttribute("timestamp", timestamp(report));
        for (ProbeOutcome outcome : group.outcomes()) {
            testCase(xml, outcome);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, List<ProbeOutcome> outcomes, Duration time)
            throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(outcomes.size()));
        xml.writeAttribute("failures", JunitVerdict.FAILED.countIn(outcomes));
        xml.writeAttribute("errors", JunitVerdict.ERRORED.countIn(outcomes));
        xml.writeAttribute("skipped", JunitVerdict.SKIPPED.countIn(outcomes));
        xml.writeAttribute("time", seconds(time));
    }

    private static void testCase(XMLStreamWriter xml, ProbeOutcome o) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean passed = o.status() == Status.PASS && !o.waived();
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", XmlText.attribute("preflight." + o.target()));
        xml.writeAttribute("name", XmlText.attribute(o.probeId()));
        xml.writeAttribute("time", seconds(o.duration()));
        if (passed) {
            return;
        }
        String summary = o.result().summary();
        if (o.waived()) {
            String message = WaiverNote.of(o).orElseThrow() + " (was " + o.status() + ": " + summary + ")";
            child(xml, "skipped", null, message, null);
        } else {
            switch (o.status()) {
                case FAIL -> child(xml, "failure", "FAIL", summary, body(o, ""));
                case ERROR -> child(xml, "error", "ERROR", summary, body(o, ""));
                case SKIP -> child(xml, "skipped", null, summary, null);
                case WARN -> child(xml, "system-out", null, null, body(o, "WARN: "));
                default -> { }
            }
        }
        xml.writeEndElement();
    }

    private static void child(XMLStreamWriter xml, String element, String type, String message, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n      ");
        if (text == null) {
            xml.writeEmptyElement(element);
        } else {
            xml.writeStartElement(element);
        }
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        if (message != null) {
            xml.writeAttribute("message", XmlText.attribute(message));
        }
        if (text != null) {
            xml.writeCharacters(XmlText.clean(text));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
    }

    /** Summary, remediation, subject, details and an expired waiver, one a line. */
    private static String body(ProbeOutcome o, String prefix) {
        List<String> lines = new ArrayList<>();
        lines.add(prefix + o.result().summary());
        o.result().remediation().ifPresent(r -> lines.add("Fix: " + r));
        if (o.subject() != null) {
            lines.add("Subject: " + o.subject());
        }
        o.result().details().forEach((key, value) -> lines.add(key + ": " + value));
        WaiverNote.of(o).ifPresent(note -> lines.add("Note: " + note));
        return String.join("\n", lines);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
