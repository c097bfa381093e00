package dev.catalogpolicy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalogpolicy.catalog.Catalog;
import dev.catalogpolicy.functions.Ids;
import dev.catalogpolicy.json.Json;
import dev.catalogpolicy.model.*;

import java.util.*;

/**
 * Generates a realistic catalog snapshot for a {@link GeneratorSpec}, the same for the same seed.
 * A hub (the management account, Organizations access enabled) owns the portfolios and products:
 * every product has a launch constraint (LocalRoleName, or a central RoleArn in every fifth
 * portfolio) and about a third a template constraint; {@code orgWide} portfolios are shared with the
 * organization (the first one with principal name sharing), the others with one or two OUs, and some
 * with accounts outside the organization, which have accepted. Organization imports are not written:
 * loading the snapshot creates them (semantics R3). Every spoke has a local portfolio holding a few
 * products it took from imported portfolios (popular products, and the first org-wide portfolio, most
 * often), with its own launch constraints, and associates its
 * Developer role with that portfolio and with the imported portfolios it took them from; some have a
 * provisioned product. Roles are listed, so every launch role and principal exists.
 */
public final class CatalogGenerator {
  static final String US = "us-east-1";
  static final String EU = "eu-west-1";
  static final String LAUNCH_ROLE = "SCLaunchRole";
  static final String CENTRAL_ROLE = "arn:aws:iam::" + OrgLayout.HUB + ":role/CentralProvisioner";
  static final String ADMIN_ROLE = "arn:aws:iam::" + OrgLayout.HUB + ":role/CatalogAdmin";
  static final String PLATFORM_PATTERN = "arn:aws:iam:::role/PlatformEngineer*";
  private static final String[] KINDS = {"VPC", "EKS cluster", "RDS PostgreSQL", "S3 bucket", "Lambda service",
      "ECS service", "DynamoDB table", "SQS queue", "EC2 instance", "OpenSearch domain"};

  /** The snapshot and launches it allows (at most {@code sampleCount}, spread over accounts and principals). */
  public record Generated(Catalog catalog, List<LaunchSample> samples) {}

  private final GeneratorSpec spec;
  private final Random rnd;
  private final OrgLayout org;
  private final Catalog.Builder b = Catalog.builder();
  private final List<HubPortfolio> hub = new ArrayList<>();
  /** Per account, the launch paths its principals have: for samples. */
  private final Map<String, List<Grant>> grants = new LinkedHashMap<>();

  private record Grant(String pathId, String kind, String principal, List<HubPortfolio.Item> items) {}

  private CatalogGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.rnd = new Random(spec.seed());
    this.org = new OrgLayout(spec, rnd);
  }

  public static Generated generate(GeneratorSpec spec, int sampleCount) {
    return new CatalogGenerator(spec).run(sampleCount);
  }

  private Generated run(int sampleCount) {
    b.add(new Organization(OrgLayout.ORG, OrgLayout.HUB, true, org.spokes.isEmpty() ? List.of() : List.of(org.spokes.get(0))));
    org.ous.forEach(b::add);
    org.accounts.forEach(b::add);
    for (String r : List.of(CENTRAL_ROLE, ADMIN_ROLE, role(OrgLayout.HUB, LAUNCH_ROLE))) b.add(new Role(r));
    hubPortfolios();
    for (String spoke : org.spokes) spoke(spoke);
    for (String ext : org.externals) external(ext);
    return new Generated(b.build(), samples(sampleCount));
  }

  private static String role(String account, String name) {
    return "arn:aws:iam::" + account + ":role/" + name;
  }

  private void hubPortfolios() {
    List<String> ous = org.nestedOus();
    for (int i = 0; i < spec.portfolios(); i++) {
      String region = spec.portfolios() >= 10 && i % 10 == 9 ? EU : US;
      boolean orgWide = i < spec.orgWide();
      boolean names = i == 0 || (!orgWide && rnd.nextInt(5) == 0);
      HubPortfolio p = new HubPortfolio(String.format("port-hub-%03d", i), region, orgWide, names);
      hub.add(p);
      String kind = KINDS[i % KINDS.length];
      b.add(new Portfolio(p.id, OrgLayout.HUB, region, kind + " portfolio " + i, null));
      b.add(new PrincipalAssociation(p.id, OrgLayout.HUB, ADMIN_ROLE, PrincipalAssociation.IAM));
      if (names) b.add(new PrincipalAssociation(p.id, OrgLayout.HUB, PLATFORM_PATTERN, PrincipalAssociation.IAM_PATTERN));
      for (int j = 0; j < spec.products(); j++) product(p, i, j, kind);
      if (orgWide || ous.isEmpty()) {
        b.add(new Share(p.id, Share.ORGANIZATION, OrgLayout.ORG, names, false));
      } else {
        int targets = 1 + rnd.nextInt(2);
        for (int t = 0; t < targets; t++) {
          String ou = ous.get(rnd.nextInt(ous.size()));
          if (p.ous.contains(ou)) continue;
          p.ous.add(ou);
          b.add(new Share(p.id, Share.ORGANIZATIONAL_UNIT, ou, names, rnd.nextBoolean()));
        }
        if (region.equals(US) && (i == spec.orgWide() || rnd.nextInt(10) == 0)) {
          int n = 1 + rnd.nextInt(2);
          for (int e = 0; e < n; e++) {
            String ext = org.externals.get(rnd.nextInt(org.externals.size()));
            if (p.externals.contains(ext)) continue;
            p.externals.add(ext);
            b.add(new Share(p.id, Share.ACCOUNT, ext, false, false));
            b.add(new Import(p.id, ext, region, Import.IMPORTED));
          }
        }
      }
    }
  }

  private void product(HubPortfolio p, int i, int j, String kind) {
    String id = String.format("prod-%03d-%03d", i, j);
    b.add(new Product(id, OrgLayout.HUB, kind + " " + j));
    int versions = 1 + rnd.nextInt(3);
    String last = null;
    for (int v = 1; v <= versions; v++) {
      last = String.format("pa-%03d-%03d-v%d", i, j, v);
      b.add(new ProvisioningArtifact(id, last, "v" + v, v == versions || rnd.nextBoolean()));
    }
    p.items.add(new HubPortfolio.Item(id, last));
    b.add(new PortfolioProduct(p.id, id, OrgLayout.HUB, null));
    JsonNode launch = i % 5 == 4
        ? Json.MAPPER.createObjectNode().put("RoleArn", CENTRAL_ROLE)
        : Json.MAPPER.createObjectNode().put("LocalRoleName", LAUNCH_ROLE);
    b.add(new Constraint(String.format("cons-l-%03d-%03d", i, j), "LAUNCH", p.id, id, OrgLayout.HUB, launch));
    if (rnd.nextInt(3) == 0) {
      JsonNode rules = TemplateLibrary.HUB.get(rnd.nextInt(TemplateLibrary.HUB.size()));
      b.add(new Constraint(String.format("cons-t-%03d-%03d", i, j), "TEMPLATE", p.id, id, OrgLayout.HUB, rules));
    }
  }

  private void spoke(String a) {
    for (String r : List.of(LAUNCH_ROLE, "Developer", "PlatformEngineer")) b.add(new Role(role(a, r)));
    String developer = role(a, "Developer");
    List<Grant> mine = grants.computeIfAbsent(a, k -> new ArrayList<>());
    List<HubPortfolio> reached = hub.stream().filter(p -> p.reaches(org, a)).toList();
    for (HubPortfolio p : reached) {
      if (p.sharePrincipals) mine.add(new Grant(p.id, "IMPORTED", role(a, "PlatformEngineer"), p.items));
    }
    List<HubPortfolio> sources = new ArrayList<>(reached.stream().filter(p -> p.region.equals(US)).toList());
    if (sources.isEmpty()) return;
    String local = "port-local-" + a;
    b.add(new Portfolio(local, a, US, "Team " + a, null));
    b.add(new PrincipalAssociation(local, a, developer, PrincipalAssociation.IAM));
    Collections.shuffle(sources, rnd);
    // half of the spokes take from the first org-wide portfolio, the organization's baseline
    if (rnd.nextBoolean()) {
      HubPortfolio baseline = hub.get(0);
      sources.remove(baseline);
      sources.add(0, baseline);
    }
    List<HubPortfolio.Item> localItems = new ArrayList<>();
    int n = Math.min(sources.size(), 1 + rnd.nextInt(3));
    for (int s = 0; s < n; s++) {
      HubPortfolio src = sources.get(s);
      b.add(new PrincipalAssociation(src.id, a, developer, PrincipalAssociation.IAM));
      mine.add(new Grant(src.id, "IMPORTED", developer, src.items));
      int take = Math.min(src.items.size(), 1 + rnd.nextInt(2));
      for (int t = 0; t < take; t++) {
        // popular products first: a few products of a portfolio are taken by most teams
        double u = rnd.nextDouble();
        HubPortfolio.Item item = src.items.get((int) (src.items.size() * u * u * u));
        if (localItems.contains(item)) continue;
        localItems.add(item);
        b.add(new PortfolioProduct(local, item.product(), a, src.id));
        b.add(new Constraint("cons-" + a + "-" + localItems.size(), "LAUNCH", local, item.product(), a,
            Json.MAPPER.createObjectNode().put("LocalRoleName", LAUNCH_ROLE)));
        if (rnd.nextInt(10) == 0) {
          b.add(new Constraint("cons-" + a + "-" + localItems.size() + "-t", "TEMPLATE", local, item.product(), a,
              TemplateLibrary.LOCAL));
        }
      }
    }
    mine.add(new Grant(local, "LOCAL", developer, localItems));
    if (rnd.nextInt(5) == 0) {
      HubPortfolio.Item item = localItems.get(0);
      String name = "app-" + a;
      b.add(new ProvisionedProduct(Ids.provisionedProduct(a, name), name, a, item.product(),
          item.version(), local, developer, "AVAILABLE", TemplateLibrary.GOOD_PARAMETERS));
    }
  }

  private void external(String a) {
    b.add(new Role(role(a, "Developer")));
    b.add(new Role(role(a, LAUNCH_ROLE)));
    for (HubPortfolio p : hub) {
      if (!p.externals.contains(a)) continue;
      b.add(new PrincipalAssociation(p.id, a, role(a, "Developer"), PrincipalAssociation.IAM));
      grants.computeIfAbsent(a, k -> new ArrayList<>()).add(new Grant(p.id, "IMPORTED", role(a, "Developer"), p.items));
    }
  }

  /** Launches spread over accounts, principals and paths; the same for the same seed. */
  private List<LaunchSample> samples(int count) {
    List<String> accounts = grants.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    List<LaunchSample> out = new ArrayList<>();
    if (accounts.isEmpty()) return out;
    Random r = new Random(spec.seed() * 31 + 7);
    for (int i = 0; i < count; i++) {
      String a = accounts.get(r.nextInt(accounts.size()));
      List<Grant> gs = grants.get(a);
      Grant g = gs.get(r.nextInt(gs.size()));
      if (g.items().isEmpty()) continue;
      HubPortfolio.Item item = g.items().get(r.nextInt(g.items().size()));
      String region = hub.stream().filter(p -> p.id.equals(g.pathId())).map(p -> p.region).findFirst().orElse(US);
      out.add(new LaunchSample(a, region, g.principal(), item.product(), item.version(), g.pathId(), g.kind()));
    }
    return out;
  }
}
