package fixtures;

import com.esotericsoftware.kryo.Kryo;
import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.NoTypePermission;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Hashtable;
import javax.naming.Context;
import javax.xml.XMLConstants;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import org.dom4j.Document;
import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;

class LangMore {
    Transformer unsafeXslt(StreamSource xsl) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        // ruleid: java.xml.transformer-xxe
        return tf.newTransformer(xsl);
    }

    Transformer unsafeCopy() throws Exception {
        TransformerFactory f = TransformerFactory.newInstance();
        f.setURIResolver(null);
        // ruleid: java.xml.transformer-xxe
        return f.newTransformer();
    }

    Transformer safeXslt(StreamSource xsl) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        // ok: java.xml.transformer-xxe
        return tf.newTransformer(xsl);
    }

    Transformer safeSecure() throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // ok: java.xml.transformer-xxe
        return tf.newTransformer();
    }

    Document dom4j(InputStream in) throws Exception {
        SAXReader reader = new SAXReader();
        // ruleid: java.xml.saxreader-xxe
        return reader.read(in);
    }

    Object jdom(InputStream in) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        // ruleid: java.xml.saxreader-xxe
        return builder.build(in);
    }

    Document dom4jSafe(InputStream in) throws Exception {
        SAXReader reader = new SAXReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xml.saxreader-xxe
        return reader.read(in);
    }

    Object jdomSafe(InputStream in) throws Exception {
        SAXBuilder builder = new SAXBuilder();
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xml.saxreader-xxe
        return builder.build(in);
    }

    Object xstream(String xml) {
        XStream x = new XStream();
        // ruleid: java.deserialization.xstream
        return x.fromXML(xml);
    }

    Object xstream2(InputStream in) {
        XStream xs = new XStream(null);
        xs.alias("order", Object.class);
        // ruleid: java.deserialization.xstream
        return xs.fromXML(in);
    }

    Object xstreamSafe(String xml) {
        XStream x = new XStream();
        x.addPermission(NoTypePermission.NONE);
        x.allowTypesByWildcard(new String[] {"com.acme.dto.**"});
        // ok: java.deserialization.xstream
        return x.fromXML(xml);
    }

    Object xstreamSafe2(String xml) {
        XStream x = new XStream();
        x.allowTypes(new Class[] {Order.class});
        // ok: java.deserialization.xstream
        return x.fromXML(xml);
    }

    void kryo(Kryo kryo, Kryo other) {
        // ruleid: java.deserialization.kryo-unregistered
        kryo.setRegistrationRequired(false);
        // ruleid: java.deserialization.kryo-unregistered
        other.setRegistrationRequired(false);
        // ok: java.deserialization.kryo-unregistered
        kryo.setRegistrationRequired(true);
        // ok: java.deserialization.kryo-unregistered
        kryo.register(Order.class);
    }

    void seeds(SecureRandom sr, java.util.Random plain) {
        // ruleid: java.crypto.static-seed
        SecureRandom a = new SecureRandom("fixed-seed".getBytes());
        // ruleid: java.crypto.static-seed
        sr.setSeed(42L);
        // ok: java.crypto.static-seed
        SecureRandom b = new SecureRandom();
        // ok: java.crypto.static-seed
        sr.setSeed(System.nanoTime());
        // ok: java.crypto.static-seed
        plain.setSeed(42L);
    }

    void ldap(Hashtable<String, String> env) {
        // ruleid: java.ldap.anonymous-bind
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        // ruleid: java.ldap.anonymous-bind
        env.put("java.naming.security.authentication", "none");
        // ok: java.ldap.anonymous-bind
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        // ok: java.ldap.anonymous-bind
        env.put(Context.SECURITY_PRINCIPAL, System.getenv("LDAP_USER"));
    }

    static class Order {}
}
