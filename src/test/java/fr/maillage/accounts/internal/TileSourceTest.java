package fr.maillage.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's Content-Security-Policy lets the configured map tiles in, and only them. */
class TileSourceTest {

	@Test
	void theTilesOriginIsAllowedWithItsSubdomainsAsAWildcard() {
		assertThat(SecurityConfiguration.tileSource("")).isEmpty();
		assertThat(SecurityConfiguration.tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo(" https://*.tile.openstreetmap.org");
		assertThat(SecurityConfiguration.tileSource("https://tuiles.exemple.fr:8443/osm/{z}/{x}/{y}.png")).isEqualTo(" https://tuiles.exemple.fr:8443");
		assertThat(SecurityConfiguration.tileSource("pas une adresse")).isEmpty();
	}
}
