package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.Api;
import fr.maillage.support.Browser;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A public event's place and entry ticket: the public page shows the commune on a map and links the
 * address to OpenStreetMap; the registrant's confirmation carries a QR code; read back, it opens,
 * on the organiser's phone, the registrant's check-in, where one tap notes them present. A member
 * who does not organise gets nothing from the code.
 */
@IntegrationTest
class EventCheckInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Autowired
	fr.maillage.reference.CommuneDirectory communes;

	@Test
	void theQrCodeOfTheConfirmationChecksThePersonInAtTheDoor() {
		fr.maillage.support.Coordinates.with(jdbc, communes, this::checkIn);
	}

	void checkIn() {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person coordinator = People.invite(admin, cpts, "COORDINATOR");
		People.Person member = People.invite(admin, cpts, "MEMBER");
		Api organiser = new Api(port, People.token(port, coordinator));
		LocalDateTime start = LocalDateTime.now().plusDays(5).withHour(10).withMinute(0).withSecond(0).withNano(0);
		Api.Response created = organiser.post("/api/v1/cpts/" + cpts + "/events", Map.of("title", "Matinée sportive en famille", "audience", "PUBLIC",
				"startsAt", start.toString(), "endsAt", start.plusHours(3).toString(), "place", "Stade municipal", "address", "Avenue du Stade",
				"communeCode", "04112", "capacity", "30"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String eventId = created.json().get("id").asString();
		String base = "http://127.0.0.1:" + port;

		String checkInPath;
		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			page.navigate(base + "/evenements/" + eventId);
			assertThat(page.locator("#plan-acces")).hasAttribute("href", java.util.regex.Pattern.compile(
					"^https://www\\.openstreetmap\\.org/search\\?query=Avenue\\+du\\+Stade%2C\\+Manosque$"));
			assertThat(page.locator("#carte-evenement path.leaflet-interactive").first()).isVisible();
			page.locator("#reg-name").fill("Inès Martin");
			page.locator("#reg-email").fill(TestData.unique("ines") + "@exemple.fr");
			page.locator("input[name=consent]").check();
			page.getByRole(AriaRole.BUTTON, named("M'inscrire")).click();
			assertThat(page.locator("#etat-inscription")).containsText("inscrit");
			assertThat(page.locator("#billet")).containsText("Présentez ce code à l'entrée");
			String src = page.locator("#qr-entree").getAttribute("src");
			assertThat(src).startsWith("data:image/png;base64,");
			var image = read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
			String text = decode(image);
			checkInPath = URI.create(text).getPath();
			UUID registration = jdbc.sql("select id from event_registration where event_id = :e").param("e", UUID.fromString(eventId)).query(UUID.class)
				.single();
			assertThat(checkInPath).isEqualTo("/cpts/" + cpts + "/evenements/" + eventId + "/pointage/" + registration);
			Browser.screenshot(page, "evenement-billet-telephone");
		}

		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, member.email(), member.password());
			assertThat(page.navigate(base + checkInPath).status()).isIn(403, 404);
		}

		try (BrowserContext context = Browser.newPhoneContext()) {
			Page page = context.newPage();
			Browser.login(page, port, coordinator.email(), coordinator.password());
			page.navigate(base + checkInPath);
			assertThat(page.locator("#pointage-nom")).hasText("Inès Martin");
			page.getByRole(AriaRole.BUTTON, named("Noter présent(e)")).click();
			assertThat(page.getByText("Inès Martin noté(e) présent(e).")).isVisible();
			page.navigate(base + checkInPath);
			assertThat(page.locator("#pointage-etat")).containsText("Déjà noté(e) présent(e)");
			assertThat(page.getByRole(AriaRole.BUTTON, named("Noter présent(e)"))).hasCount(0);
			assertThat(page.evaluate("document.documentElement.scrollWidth <= 390")).as("nothing wider than the phone").isEqualTo(true);
		}
		assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e and attended_at is not null")
			.param("e", UUID.fromString(eventId)).query(Long.class).single()).isEqualTo(1);
	}

	static java.awt.image.BufferedImage read(ByteArrayInputStream in) {
		try {
			return ImageIO.read(in);
		} catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String decode(java.awt.image.BufferedImage image) {
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
		} catch (com.google.zxing.ReaderException ex) {
			throw new AssertionError("the QR code does not read back", ex);
		}
	}
}
