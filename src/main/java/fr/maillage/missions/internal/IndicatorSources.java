package fr.maillage.missions.internal;

import fr.maillage.missions.IndicatorSource;
import fr.maillage.missions.OfferedIndicator;
import fr.maillage.missions.Measure;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Every module's offered indicators, by code; measures them for a CPTS and a period, all modules at once. */
@Component
public class IndicatorSources {

	private final List<IndicatorSource> sources;
	private final Map<String, OfferedIndicator> byCode = new LinkedHashMap<>();

	IndicatorSources(List<IndicatorSource> sources) {
		this.sources = List.copyOf(sources);
		for (IndicatorSource s : sources) {
			for (OfferedIndicator o : s.offered()) {
				if (byCode.putIfAbsent(o.code(), o) != null) {
					throw new IllegalStateException("two modules offer the indicator " + o.code());
				}
			}
		}
	}

	public List<OfferedIndicator> offered() {
		return List.copyOf(byCode.values());
	}

	public Optional<OfferedIndicator> offered(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	/** The values of every offered indicator from a day up to another (excluded). */
	public Map<String, Measure> measure(UUID cptsId, LocalDate from, LocalDate to) {
		Map<String, Measure> all = new HashMap<>();
		for (IndicatorSource s : sources) {
			all.putAll(s.measure(cptsId, from, to));
		}
		return all;
	}
}
