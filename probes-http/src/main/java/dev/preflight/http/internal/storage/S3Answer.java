package dev.preflight.http.internal.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What an S3 endpoint answered to ListObjectsV2: the status, the root element of the XML body
 * ({@code ListBucketResult}, or {@code Error} with its {@code Code}), and the
 * {@code x-amz-bucket-region} header. Error codes are those of
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
 *
 * @param status the HTTP status
 * @param root the root element's local name, or empty when the body is not XML
 * @param code the error's {@code Code}, if any
 * @param message the error's {@code Message}, shortened, if any
 * @param keyCount a listing's {@code KeyCount}, if any
 * @param bucketRegion the {@code x-amz-bucket-region} header, if any
 * @param problem why the body could not be read as XML, if it could not
 */
public record S3Answer(int status, String root, Optional<String> code, Optional<String> message,
        Optional<String> keyCount, Optional<String> bucketRegion, Optional<String> problem) {
    /** Far more than any S3 error or one-key listing; a larger body is cut, and then is not XML. */
    public static final int BODY_CAP = 64 * 1024;

    /**
     * @param status the HTTP status
     * @param body the body, at most {@link #BODY_CAP} bytes
     * @param bucketRegion the {@code x-amz-bucket-region} header, or null
     * @return the answer; a body that is not well-formed XML gives an empty root and a problem
     */
    public static S3Answer read(int status, byte[] body, String bucketRegion) {
        Optional<String> region = Optional.ofNullable(bucketRegion).map(String::strip).filter(s -> !s.isEmpty());
        if (body.length == 0) {
            return new S3Answer(status, "", Optional.empty(), Optional.empty(), Optional.empty(), region,
                    Optional.of("an empty body"));
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            return new S3Answer(status, "", Optional.empty(), Optional.empty(), Optional.empty(), region,
                    Optional.of("a body that is not well-formed XML (" + shorten(reason(e)) + ")"));
        }
        Element root = document.getDocumentElement();
        String name = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
        return new S3Answer(status, name, child(root, "Code"), child(root, "Message").map(S3Answer::shorten),
                child(root, "KeyCount"), region, Optional.empty());
    }

    /** @return whether this is S3's error document with one of these codes */
    public boolean isError(String... codes) {
        if (!root.equals("Error") || code.isEmpty()) {
            return false;
        }
        for (String c : codes) {
            if (c.equals(code.get())) {
                return true;
            }
        }
        return false;
    }

    /** @return e.g. {@code 403 AccessDenied}, {@code 200 ListBucketResult}, {@code 502 (not XML)} */
    public String describe() {
        return status + " " + code.orElse(root.isEmpty() ? "(not XML)" : root);
    }

    private static Optional<String> child(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        if (nodes.getLength() == 0) {
            return Optional.empty();
        }
        return Optional.of(nodes.item(0).getTextContent().strip());
    }

    /**
     * A parser that refuses a DOCTYPE: S3 never sends one, and a hostile endpoint could use one to
     * read local files or expand entities without end (XXE, billion laughs).
     */
    private static DocumentBuilder parser() throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new SAXException("the JDK's XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }

    private static String reason(Exception e) {
        return e instanceof SAXParseException p ? "line " + p.getLineNumber() + ": " + p.getMessage()
                : String.valueOf(e.getMessage());
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }

    /** The default handler prints every error to stderr; the exception alone says enough. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
