package io.github.ghaoidc.emulator.aws.internal.query;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin, unchecked wrapper over the JDK's StAX writer for the small documents the Query protocol returns. */
public final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter buffer = new StringWriter(512);
    private final XMLStreamWriter writer;

    XmlOut() {
        try {
            writer = FACTORY.createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot create XML writer", e);
        }
    }

    /** Opens an element; close it with {@link #end()}. */
    public XmlOut start(String name) {
        try {
            writer.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlOut defaultNamespace(String namespace) {
        try {
            writer.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlOut end() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes {@code <name>text</name>}; writes nothing when {@code text} is null. */
    public XmlOut element(String name, Object text) {
        if (text == null) {
            return this;
        }
        try {
            writer.writeStartElement(name);
            writer.writeCharacters(text.toString());
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    String finish() {
        try {
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toString();
    }
}
