package dev.custody.checker.ifc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Sources and sinks for code that cannot be annotated (third-party libraries), read from a RIFL
 * file ({@code -Xplugin:"Custody policy=FILE.xml"}), the XML interchange format of Java IFC tools:
 *
 * <pre>{@code
 * <riflconfig>
 *   <attackerIO>
 *     <sink handle="out"><parameter class="com.acme.Net" method="send(Ljava/lang/String;)V" parameter="1"/></sink>
 *   </attackerIO>
 *   <sourcesandsinks>
 *     <source handle="key"><returnvalue class="com.acme.Vault" method="key()Ljava/lang/String;"/></source>
 *   </sourcesandsinks>
 *   <domains><domain name="public"/><domain name="secret"/></domains>
 *   <domainassignment><assign handle="key" domain="secret"/><assign handle="out" domain="public"/></domainassignment>
 *   <flowrelation><flow from="public" to="secret"/></flowrelation>
 * </riflconfig>
 * }</pre>
 *
 * A {@code <source>} gives the return value (or parameter) of a method a label; a {@code <sink>}
 * makes a parameter of a method a channel accepting at most its domain. Methods are named by
 * class and JVM signature; {@code <method class=".." method="..">} with a nested {@code
 * <returnvalue/>} or {@code <parameter index="N"/>} is accepted too. Parameters count from 1, as
 * in RIFL. The domain comes from {@code domain="…"} on the element or from {@code
 * <domainassignment>} by handle; without one, entries under {@code <attackerIO>} are the bottom
 * label (the attacker reads sinks and writes sources) and other sources are the top label.
 * {@code <domains>} with {@code <flowrelation>} define the lattice when the project declares none.
 *
 * <p>Immutable once parsed; thread-safe.
 */
final class FlowPolicy {
  /** One source or sink; {@code param} 0 is the return value, 1.. the parameters. */
  record Spec(String owner, String signature, int param, String domain, String where) {}

  private final List<Spec> sources;
  private final List<Spec> sinks;
  private final List<String> domains;
  private final List<String[]> flows;

  private FlowPolicy(List<Spec> sources, List<Spec> sinks, List<String> domains, List<String[]> flows) {
    this.sources = sources;
    this.sinks = sinks;
    this.domains = domains;
    this.flows = flows;
  }

  static FlowPolicy empty() {
    return new FlowPolicy(List.of(), List.of(), List.of(), List.of());
  }

  static FlowPolicy parseRifl(Path file) {
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(in);
    } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IllegalArgumentException("policy file " + file + ": " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("riflconfig")) {
      throw new IllegalArgumentException("policy file " + file + ": root element must be <riflconfig>, not <" + root.getTagName() + ">");
    }
    Map<String, String> assigned = new HashMap<>();
    for (Element a : elements(root, "assign")) {
      assigned.put(a.getAttribute("handle"), a.getAttribute("domain"));
    }
    List<String> domains = new ArrayList<>();
    for (Element d : elements(root, "domain")) {
      domains.add(d.getAttribute("name"));
    }
    List<String[]> flows = new ArrayList<>();
    for (Element fl : elements(root, "flow")) {
      flows.add(new String[] {fl.getAttribute("from"), fl.getAttribute("to")});
    }
    List<Spec> sources = new ArrayList<>();
    List<Spec> sinks = new ArrayList<>();
    for (String kind : List.of("source", "sink")) {
      for (Element e : elements(root, kind)) {
        boolean attacker = under(e, "attackerIO");
        String domain = e.getAttribute("domain");
        if (domain.isEmpty()) {
          domain = assigned.getOrDefault(e.getAttribute("handle"), "");
        }
        if (domain.isEmpty()) {
          domain = attacker || kind.equals("sink") ? "<bottom>" : "<top>";
        }
        for (Spec s : specs(e, domain, file)) {
          (kind.equals("source") ? sources : sinks).add(s);
        }
      }
    }
    return new FlowPolicy(sources, sinks, domains, flows);
  }

  private static List<Spec> specs(Element e, String domain, Path file) {
    List<Spec> out = new ArrayList<>();
    for (Element r : elements(e, "returnvalue")) {
      Element m = r.hasAttribute("method") ? r : (Element) r.getParentNode();
      out.add(spec(m, 0, domain, file));
    }
    for (Element p : elements(e, "parameter")) {
      Element m = p.hasAttribute("method") ? p : (Element) p.getParentNode();
      String n = p.hasAttribute("parameter") ? p.getAttribute("parameter") : p.getAttribute("index");
      try {
        out.add(spec(m, Integer.parseInt(n.strip()), domain, file));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("policy file " + file + ": <parameter> needs a number in parameter=\"N\" (got '" + n + "')");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("policy file " + file + ": <" + e.getTagName() + "> names no <returnvalue> or <parameter>");
    }
    return out;
  }

  private static Spec spec(Element m, int param, String domain, Path file) {
    String owner = m.getAttribute("class");
    String sig = m.getAttribute("method");
    if (owner.isEmpty() || !sig.contains("(")) {
      throw new IllegalArgumentException("policy file " + file + ": <" + m.getTagName()
          + "> needs class=\"pkg.Class\" and method=\"name(Ldesc;)R\"");
    }
    return new Spec(owner.replace('$', '.'), sig, param, domain, file.getFileName().toString());
  }

  private static boolean under(Node n, String tag) {
    for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
      if (p instanceof Element pe && pe.getTagName().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> elements(Element root, String tag) {
    NodeList nl = root.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add((Element) nl.item(i));
    }
    return out;
  }

  /** The lattice the policy's domains and flow relation define, or null if it defines none. */
  Lattice lattice(String where) {
    return domains.isEmpty() ? null : Lattice.fromOrder(domains, flows, where);
  }

  /** Every domain named by a source or sink, to validate against the lattice. */
  List<Spec> all() {
    List<Spec> all = new ArrayList<>(sources);
    all.addAll(sinks);
    return all;
  }

  /** The label a source gives {@code m}'s return value (param 0) or parameter, or -1. */
  int source(ExecutableElement m, int param, Lattice lat, Types types, Elements elements) {
    return find(sources, m, param, lat, types, elements);
  }

  /** The bound a sink puts on {@code m}'s parameter {@code param} (1-based), or -1. */
  int sink(ExecutableElement m, int param, Lattice lat, Types types, Elements elements) {
    return find(sinks, m, param, lat, types, elements);
  }

  /** True if some source gives data a label above bottom. */
  boolean hasSources(Lattice lat) {
    return sources.stream().anyMatch(s -> labelOf(s.domain(), lat) != lat.bottom());
  }

  boolean isEmpty() {
    return sources.isEmpty() && sinks.isEmpty();
  }

  private static int find(List<Spec> specs, ExecutableElement m, int param, Lattice lat, Types types, Elements elements) {
    if (specs.isEmpty()) {
      return -1;
    }
    String sig = Signatures.descriptor(m, types);
    TypeMirror self = types.erasure(m.getEnclosingElement().asType());
    int out = -1;
    for (Spec s : specs) {
      if (s.param() != param || !s.signature().equals(sig)) {
        continue;
      }
      TypeElement owner = elements.getTypeElement(s.owner());
      boolean matches = s.owner().equals(Signatures.owner(m))
          || (owner != null && types.isSubtype(self, types.erasure(owner.asType())));
      if (matches) {
        int l = labelOf(s.domain(), lat);
        out = out < 0 ? l : lat.join(out, l);
      }
    }
    return out;
  }

  static int labelOf(String domain, Lattice lat) {
    return switch (domain) {
      case "<bottom>" -> lat.bottom();
      case "<top>" -> lat.top();
      default -> lat.index(domain);
    };
  }
}
