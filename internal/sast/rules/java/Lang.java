package fixtures;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import java.beans.XMLDecoder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class Xml {
    DocumentBuilder unsafeDom() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // ruleid: java.xml.documentbuilder-xxe
        return dbf.newDocumentBuilder();
    }

    DocumentBuilder unsafeDom2() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        // ruleid: java.xml.documentbuilder-xxe
        return f.newDocumentBuilder();
    }

    DocumentBuilder safeDom() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xml.documentbuilder-xxe
        return dbf.newDocumentBuilder();
    }

    DocumentBuilder safeDom2() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // ok: java.xml.documentbuilder-xxe
        return dbf.newDocumentBuilder();
    }

    SAXParser sax(boolean strict) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        if (strict) {
            spf.setValidating(true);
        }
        // ruleid: java.xml.saxparser-xxe
        return spf.newSAXParser();
    }

    SAXParser sax2() throws Exception {
        SAXParserFactory f = SAXParserFactory.newInstance();
        // ruleid: java.xml.saxparser-xxe
        SAXParser p = f.newSAXParser();
        return p;
    }

    SAXParser safeSax() throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xml.saxparser-xxe
        return spf.newSAXParser();
    }

    SAXParser safeSax2() throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        // ok: java.xml.saxparser-xxe
        return spf.newSAXParser();
    }

    XMLStreamReader stax(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        // ruleid: java.xml.xmlinputfactory-xxe
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader stax2(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.IS_COALESCING, true);
        // ruleid: java.xml.xmlinputfactory-xxe
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader safeStax(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // ok: java.xml.xmlinputfactory-xxe
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader safeStax2(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // ok: java.xml.xmlinputfactory-xxe
        return xif.createXMLStreamReader(in);
    }
}

class Deser {
    Object read(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        // ruleid: java.deserialization.object-input-stream
        return ois.readObject();
    }

    Object readInline(InputStream in) throws Exception {
        // ruleid: java.deserialization.object-input-stream
        return new ObjectInputStream(in).readObject();
    }

    Object readFiltered(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.acme.dto.*;!*"));
        // ok: java.deserialization.object-input-stream
        return ois.readObject();
    }

    Object readJson(InputStream in) throws Exception {
        // ok: java.deserialization.object-input-stream
        return new ObjectMapper().readValue(in, Settings.class);
    }

    Object decode(InputStream in) {
        // ruleid: java.deserialization.xmldecoder
        XMLDecoder d = new XMLDecoder(in);
        // ruleid: java.deserialization.xmldecoder
        Object o = new XMLDecoder(in, null, null).readObject();
        // ok: java.deserialization.xmldecoder
        Object s = new ObjectMapper().convertValue(o, Settings.class);
        // ok: java.deserialization.xmldecoder
        java.beans.XMLEncoder e = new java.beans.XMLEncoder(System.out);
        return d.readObject();
    }

    void mappers(ObjectMapper m) {
        // ruleid: java.deserialization.jackson-default-typing
        m.enableDefaultTyping();
        // ruleid: java.deserialization.jackson-default-typing
        m.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        // ok: java.deserialization.jackson-default-typing
        m.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("com.acme.dto.").build(), ObjectMapper.DefaultTyping.NON_FINAL);
        // ok: java.deserialization.jackson-default-typing
        m.findAndRegisterModules();
    }

    void mappers2(ObjectMapper m) {
        // ruleid: java.deserialization.jackson-default-typing
        m.activateDefaultTyping(m.getPolymorphicTypeValidator());
    }

    static class Envelope {
        // todoruleid: java.deserialization.jackson-default-typing
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        Object payload;

        // ok: java.deserialization.jackson-default-typing
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
        Object typed;
    }

    Object yaml(String text) {
        // ruleid: java.deserialization.snakeyaml-constructor
        Yaml a = new Yaml();
        // ruleid: java.deserialization.snakeyaml-constructor
        Object b = new Yaml().load(text);
        // ok: java.deserialization.snakeyaml-constructor
        Yaml c = new Yaml(new SafeConstructor(new LoaderOptions()));
        // ok: java.deserialization.snakeyaml-constructor
        Object d = c.load(text);
        return a.load(text);
    }

    static class Settings {}
}

class Files2 {
    void temps(Path p, File f) throws IOException {
        // ruleid: java.lang.insecure-temp-file
        File a = File.createTempFile("report", ".json");
        // ruleid: java.lang.insecure-temp-file
        File b = File.createTempFile("upload-", null);
        // ok: java.lang.insecure-temp-file
        Path c = Files.createTempFile("report-", ".json");
        // ok: java.lang.insecure-temp-file
        File d = File.createTempFile("report", ".json", new File("/var/lib/app/tmp"));
        // ruleid: java.lang.world-writable-permissions
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        // ruleid: java.lang.world-writable-permissions
        f.setWritable(true, false);
        // ok: java.lang.world-writable-permissions
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));
        // ok: java.lang.world-writable-permissions
        f.setWritable(true, true);
    }

    void unzip(ZipInputStream zis, File dir, Path root) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            // ruleid: java.lang.archive-path-traversal
            File out = new File(dir, entry.getName());
            // ruleid: java.lang.archive-path-traversal
            Path target = root.resolve(entry.getName());
            Files.copy(zis, out.toPath());
        }
    }

    void unzipSafe(ZipInputStream zis, File dir, Path root) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            // ok: java.lang.archive-path-traversal
            File out = new File(dir, entry.getName());
            if (!out.getCanonicalPath().startsWith(dir.getCanonicalPath() + File.separator)) {
                throw new IOException("bad entry " + entry.getName());
            }
            // ok: java.lang.archive-path-traversal
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("bad entry");
            }
            Files.copy(zis, target);
        }
    }
}
