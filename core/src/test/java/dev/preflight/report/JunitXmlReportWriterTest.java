package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitXmlReportWriterTest {

    private static Document parse(Report report) throws Exception {
        String xml = Reports.render(new JunitXmlReportWriter(), report);
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element testCase(Document doc, String probeId) {
        return elements(doc, "testcase").stream().filter(e -> e.getAttribute("name").equals(probeId)).findFirst()
                .orElseThrow();
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagName(name).item(0);
    }

    @Test
    void topLevelCountsTreatTheWaivedFailureAsSkipped() throws Exception {
        Element suites = parse(Reports.sample()).getDocumentElement();

        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("name")).isEqualTo("preflight");
        assertThat(suites.getAttribute("tests")).isEqualTo("6");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("errors")).isEqualTo("1");
        assertThat(suites.getAttribute("skipped")).isEqualTo("2");
        assertThat(suites.getAttribute("timestamp")).isEqualTo("2026-11-23T10:00:00");
        assertThat(suites.getAttribute("time")).matches("\\d+\\.\\d{3}");
    }

    @Test
    void everyTargetIsASuiteWithItsOwnCounts() throws Exception {
        Report report = Reports.of(Reports.loadFailure(), Reports.outcome("http.hsts", Result.pass("ok")));

        List<Element> suites = elements(parse(report), "testsuite");

        assertThat(suites).extracting(e -> e.getAttribute("name")).containsExactly("preflight", "shop");
        assertThat(suites).extracting(e -> e.getAttribute("errors")).containsExactly("1", "0");
        assertThat(suites).extracting(e -> e.getAttribute("tests")).containsExactly("1", "1");
        assertThat(suites.get(1).getAttribute("time")).isEqualTo("0.004");
    }

    @Test
    void everyOutcomeIsOneTestCaseNamedByProbeId() throws Exception {
        List<Element> cases = elements(parse(Reports.sample()), "testcase");

        assertThat(cases).extracting(e -> e.getAttribute("name")).containsExactly(
                "env.debug", "http.compression", "http.csp", "http.hsts", "http.robots", "tls.expiry");
        assertThat(cases).extracting(e -> e.getAttribute("classname")).containsOnly("preflight.shop");
    }

    @Test
    void failureCarriesSummaryRemediationSubjectAndDetails() throws Exception {
        Result result = Result.builder(Status.FAIL).summary("responses are not compressed")
                .remediation("Enable gzip.").detail("encoding", "identity").detail("bytes", 5120).build();

        Element failure = child(testCase(parse(Reports.of(Reports.outcome("http.compression", result))),
                "http.compression"), "failure");

        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        assertThat(failure.getAttribute("message")).isEqualTo("responses are not compressed");
        assertThat(failure.getTextContent()).isEqualTo("""
                responses are not compressed
                Fix: Enable gzip.
                Subject: https://shop.example.com
                encoding: identity
                bytes: 5120""");
    }

    @Test
    void errorIsAnErrorElement() throws Exception {
        Element error = child(testCase(parse(Reports.sample()), "tls.expiry"), "error");

        assertThat(error.getAttribute("type")).isEqualTo("ERROR");
        assertThat(error.getAttribute("message")).isEqualTo("connection refused by shop.example.com:443");
    }

    @Test
    void skipIsSkippedWithItsReason() throws Exception {
        Element skipped = child(testCase(parse(Reports.sample()), "http.robots"), "skipped");

        assertThat(skipped.getAttribute("message")).isEqualTo("not configured");
    }

    @Test
    void warningPassesWithItsFindingOnSystemOut() throws Exception {
        Element warn = testCase(parse(Reports.sample()), "http.csp");

        assertThat(warn.getElementsByTagName("failure").getLength()).isZero();
        assertThat(child(warn, "system-out").getTextContent())
                .startsWith("WARN: no Content-Security-Policy header\nFix: Add a Content-Security-Policy header.");
    }

    @Test
    void passHasNoChildElements() throws Exception {
        assertThat(testCase(parse(Reports.sample()), "http.hsts").getChildNodes().getLength()).isZero();
    }

    @Test
    void waivedFailureIsSkippedNamingTheWaiverAndTheFinding() throws Exception {
        Element debug = testCase(parse(Reports.sample()), "env.debug");

        assertThat(debug.getElementsByTagName("failure").getLength()).isZero();
        assertThat(child(debug, "skipped").getAttribute("message"))
                .isEqualTo("waived until 2027-03-01: staging mirror, no real data (was FAIL: DEBUG is on)");
    }

    @Test
    void charactersIllegalInXmlAreRemovedAndMarkupIsEscaped() throws Exception {
        Result result = Result.builder(Status.FAIL).summary("bad\u0000 <b>&amp;\u001b\uFFFE \"quoted\"")
                .detail("raw", "x\u0001y\uD800z ]]> é").build();

        Element failure = child(testCase(parse(Reports.of(Reports.outcome("http.weird", result))), "http.weird"),
                "failure");

        assertThat(failure.getAttribute("message")).isEqualTo("bad <b>&amp; \"quoted\"");
        assertThat(failure.getTextContent()).contains("raw: xyz ]]> é");
    }

    @Test
    void emptyReportIsAnEmptySuiteList() throws Exception {
        Element suites = parse(Reports.of()).getDocumentElement();

        assertThat(suites.getAttribute("tests")).isEqualTo("0");
        assertThat(suites.getElementsByTagName("testsuite").getLength()).isZero();
    }
}
