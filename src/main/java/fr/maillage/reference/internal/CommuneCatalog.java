package fr.maillage.reference.internal;

import fr.maillage.reference.Commune;
import fr.maillage.reference.CommuneDistance;
import fr.maillage.reference.CommuneDirectory;
import fr.maillage.reference.Epci;
import fr.maillage.shared.FrenchText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reference data held in memory for fast look-ups; loads the bundled tables into an empty
 * database at first start, and is refreshed after an administrator's update: at once on the
 * node that made it, and on every other node through the {@code maillage_reference} channel.
 */
@Service
class CommuneCatalog implements CommuneDirectory, org.springframework.beans.factory.DisposableBean {

	static final String CHANNEL = "maillage_reference";
	private final javax.sql.DataSource dataSource;
	private volatile fr.maillage.platform.@org.jspecify.annotations.Nullable DatabaseChannel channel;

	private static final Logger log = LoggerFactory.getLogger(CommuneCatalog.class);

	private final JdbcClient jdbc;
	private final AtomicReference<CommuneIndex> index = new AtomicReference<>();

	CommuneCatalog(JdbcClient jdbc, ReferenceStore store, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		if (store.isEmpty()) {
			long start = System.nanoTime();
			ReferenceTables tables = BundledReferenceReader.read();
			store.replace(tables, BundledReferenceReader.SOURCE);
			log.info("Données de référence chargées : {} communes en {} ms", tables.communes().size(),
					(System.nanoTime() - start) / 1_000_000);
		}
		refresh();
	}

	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void listen() {
		channel = fr.maillage.platform.DatabaseChannel.listen(dataSource, CHANNEL, payload -> refresh());
	}

	@Override
	public void destroy() {
		if (channel != null) {
			channel.close();
		}
	}

	/**
	 * In the transaction that changed the reference data: every node refreshes once it commits (a
	 * NOTIFY is delivered at commit, never for a rolled-back change), this one at once.
	 */
	void changed() {
		jdbc.sql("select pg_notify(:c, '')").param("c", CHANNEL).query().singleRow();
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						refresh();
					}
				});
	}

	void refresh() {
		Map<String, String> departements = new HashMap<>();
		jdbc.sql("select code, name from departement").query((rs, i) -> departements.put(rs.getString(1), rs.getString(2))).list();
		List<Commune> communes = jdbc.sql("""
				select insee_code, name, departement_code, region_code, epci_siren, population, postcodes, former_codes, latitude, longitude
				from commune order by insee_code""").query((rs, i) -> new Commune(rs.getString(1), rs.getString(2),
				rs.getString(3), departements.getOrDefault(rs.getString(3), rs.getString(3)), rs.getString(4), rs.getString(5),
				rs.getInt(6), Arrays.asList((String[]) rs.getArray(7).getArray()), Arrays.asList((String[]) rs.getArray(8).getArray()),
				(Double) rs.getObject(9), (Double) rs.getObject(10))).list();
		Map<String, String> formerNames = new LinkedHashMap<>();
		jdbc.sql("select insee_code, name, current_code from commune_former_name")
			.query((rs, i) -> formerNames.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3))).list();
		Map<String, List<String>> members = new HashMap<>();
		for (Commune c : communes) {
			if (c.epciSiren() != null) {
				members.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c.inseeCode());
			}
		}
		List<Epci> epcis = jdbc.sql("select siren, name, kind, population from epci order by siren")
			.query((rs, i) -> new Epci(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					List.copyOf(members.getOrDefault(rs.getString(1), List.of()))))
			.list();
		index.set(new CommuneIndex(communes, formerNames, epcis, departements));
	}

	CommuneIndex index() {
		return index.get();
	}

	@Override
	public Optional<Commune> find(String inseeCode) {
		return Optional.ofNullable(index().byCode.get(inseeCode.strip().toUpperCase(java.util.Locale.ROOT)));
	}

	@Override
	public List<Commune> findAll(Collection<String> inseeCodes) {
		CommuneIndex idx = index();
		return inseeCodes.stream().map(idx.byCode::get).filter(Objects::nonNull).toList();
	}

	@Override
	public List<Commune> search(String query, int limit) {
		String q = FrenchText.normalize(query);
		if (q.isEmpty() || limit <= 0) {
			return List.of();
		}
		CommuneIndex idx = index();
		if (q.chars().allMatch(Character::isDigit) || q.matches("2[AB]\\d*")) {
			return idx.all.stream().map(CommuneIndex.Named::commune)
				.filter(c -> c.inseeCode().startsWith(q) || c.postcodes().stream().anyMatch(p -> p.startsWith(q)))
				.limit(limit).toList();
		}
		String[] words = expandSaint(q.split(" "));
		List<Commune> starts = new ArrayList<>();
		List<Commune> wordStarts = new ArrayList<>();
		String joined = String.join(" ", words);
		for (CommuneIndex.Named n : idx.all) {
			if (n.name().startsWith(joined) || n.name().startsWith(q)) {
				starts.add(n.commune());
				if (starts.size() >= limit) {
					break;
				}
			}
			else if (wordStarts.size() < limit && allWordsStart(n.words(), words)) {
				wordStarts.add(n.commune());
			}
		}
		starts.addAll(wordStarts);
		return starts.size() > limit ? starts.subList(0, limit) : starts;
	}

	private static String[] expandSaint(String[] words) {
		String[] out = words.clone();
		for (int i = 0; i < out.length; i++) {
			if (out[i].equals("ST")) {
				out[i] = "SAINT";
			}
			else if (out[i].equals("STE")) {
				out[i] = "SAINTE";
			}
		}
		return out;
	}

	/** Every typed word starts one of the name's words, in order. */
	private static boolean allWordsStart(String[] name, String[] typed) {
		int j = 0;
		for (int i = 0; i < name.length && j < typed.length; i++) {
			if (name[i].startsWith(typed[j])) {
				j++;
			}
		}
		return j == typed.length;
	}

	@Override
	public Optional<Epci> findEpci(String sirenOrName) {
		CommuneIndex idx = index();
		String s = sirenOrName.replaceAll("\\s", "");
		Epci bySiren = idx.epciBySiren.get(s);
		return bySiren != null ? Optional.of(bySiren) : Optional.ofNullable(idx.epciByName.get(FrenchText.normalize(sirenOrName)));
	}

	@Override
	public List<Epci> searchEpci(String query, int limit) {
		String q = FrenchText.normalize(query);
		if (q.isEmpty()) {
			return List.of();
		}
		String[] words = q.split(" ");
		return index().epciBySiren.values().stream()
			.filter(e -> e.siren().startsWith(q) || allWordsStart(FrenchText.normalize(e.name()).split(" "), words)
					|| FrenchText.normalize(e.name()).contains(q))
			.limit(limit).toList();
	}

	@Override
	public Optional<List<String>> within(String inseeCode, double radiusKm) {
		Commune center = index().byCode.get(inseeCode.strip().toUpperCase(java.util.Locale.ROOT));
		if (center == null || !center.hasCoordinates()) {
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		for (Commune c : index().byCode.values()) {
			if (c.hasCoordinates() && CommuneDistance.greatCircleKm(center.latitude(), center.longitude(), c.latitude(), c.longitude()) <= radiusKm) {
				codes.add(c.inseeCode());
			}
		}
		return Optional.of(codes);
	}

	@Override
	public List<String> reachable(String inseeCode, double km) {
		CommuneIndex idx = index();
		Commune center = idx.byCode.get(inseeCode.strip().toUpperCase(java.util.Locale.ROOT));
		if (center == null) {
			return List.of();
		}
		String key = center.inseeCode() + "|" + km;
		List<String> cached = idx.reachable.get(key);
		if (cached != null) {
			return cached;
		}
		List<String> codes = new ArrayList<>();
		codes.add(center.inseeCode());
		// a commune whose latitude alone puts it further than km is skipped before any trigonometry
		// (one degree of latitude is 111.2 km everywhere), which keeps a first search cheap
		double latSpan = km / 111.0 + 0.01;
		for (Commune c : idx.byCode.values()) {
			if (c != center) {
				if (center.hasCoordinates() && c.hasCoordinates() && Math.abs(c.latitude() - center.latitude()) > latSpan) {
					continue;
				}
				var d = CommuneDistance.km(center, c);
				if (d.isPresent() && d.getAsDouble() <= km) {
					codes.add(c.inseeCode());
				}
			}
		}
		if (idx.reachable.size() > 20_000) {
			idx.reachable.clear();
		}
		List<String> result = List.copyOf(codes);
		idx.reachable.put(key, result);
		return result;
	}

	@Override
	public int communeCount() {
		return index().byCode.size();
	}
}
