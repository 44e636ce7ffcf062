package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.maillage.support.Accessibility;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CPTS's visual identity: the coordinator chooses a colour and uploads a logo; a colour too light
 * for white text and a file that is no image are refused with the reason, the colour typed kept,
 * nothing saved; then the public page and the receipts carry them. A member cannot change them.
 */
@DemoTest
class CptsLookBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x7b1fa2));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(10, 10, height - 20, height - 20);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	String state(UUID cpts) {
		return jdbc.sql("select coalesce(colour, 'null') || '/' || (logo is not null) from cpts_identity where cpts_id = :c").param("c", cpts)
			.query(String.class).optional().orElse("null/false");
	}

	@Test
	void theCoordinatorSetsALogoAndAColourThatThePublicPageAndTheReceiptsCarry() throws IOException {
		UUID cpts = jdbc.sql("select id from cpts where name like 'CPTS Démo Luberon-Durance%'").query(UUID.class).single();
		String slug = jdbc.sql("select slug from cpts where id = :c").param("c", cpts).query(String.class).single();
		String before = state(cpts);
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + cpts));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logo et couleur").setExact(true)).first().click();

			page.getByLabel("Couleur (le texte s'y écrit en blanc)").fill("#ffff66");
			page.getByLabel("Logo (PNG ou JPEG, 500 Ko au plus)").setInputFiles(new FilePayload("logo.png", "image/png",
					"MZ pas une image".getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.locator("#colour-erreur")).containsText("trop claire");
			assertThat(page.locator("#logo-erreur")).containsText("n'est pas une image PNG ou JPEG");
			assertThat(page.getByLabel("Couleur (le texte s'y écrit en blanc)")).hasValue("#ffff66");
			assertThat(state(cpts)).as("nothing saved").isEqualTo(before);
			assertThat(Accessibility.seriousViolations(page)).isEmpty();

			page.getByLabel("Couleur (le texte s'y écrit en blanc)").fill("#7B1FA2");
			page.getByLabel("Logo (PNG ou JPEG, 500 Ko au plus)").setInputFiles(new FilePayload("logo.png", "image/png", png(240, 96)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.locator("p.notice.success")).containsText("Logo et couleur enregistrés");
			assertThat(jdbc.sql("select colour from cpts_identity where cpts_id = :c").param("c", cpts).query(String.class).single()).isEqualTo("#7b1fa2");
			assertThat(jdbc.sql("select details from audit_event where action = 'cpts.identity.changed' and cpts_id = :c order by id desc limit 1")
				.param("c", cpts).query(String.class).single()).isEqualTo("couleur #7b1fa2, nouveau logo (image/png)");
			Browser.screenshot(page, "identite-cpts");

			// the public page, for anyone
			Page visitor = context.browser().newContext().newPage();
			visitor.navigate(url("/" + slug));
			assertThat(visitor.locator("#logo-cpts")).isVisible();
			assertThat((Number) visitor.evaluate("document.getElementById('logo-cpts').naturalWidth")).isEqualTo(240);
			assertThat(visitor.locator("header.cpts-band")).hasCSS("background-color", "rgb(123, 31, 162)");
			assertThat(Accessibility.seriousViolations(visitor)).isEmpty();

			// a receipt carries the logo
			UUID payment = jdbc.sql("select p.id from fee_payment p join member m on m.id = p.member_id where m.cpts_id = :c limit 1").param("c", cpts)
				.query(UUID.class).single();
			APIResponse pdf = page.request().get(url("/recus/" + payment + ".pdf"));
			assertThat(pdf.status()).isEqualTo(200);
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				var resources = document.getPage(0).getResources();
				long images = 0;
				for (COSName name : resources.getXObjectNames()) {
					if (resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() == 240) {
						images++;
					}
				}
				assertThat(images).as("the logo on the receipt").isEqualTo(1);
			}

			// taken away again, the page says so and the public page has no logo
			page.getByLabel("Retirer le logo actuel").check();
			page.getByLabel("Couleur (le texte s'y écrit en blanc)").fill("");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.locator("main")).containsText("Pas encore de logo.");
			assertThat(page.request().get(url("/" + slug + "/logo")).status()).isEqualTo(404);
		}
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			assertThat(page.request().get(url("/cpts/" + cpts + "/identite")).status()).isEqualTo(403);
			assertThat(page.request().post(url("/cpts/" + cpts + "/identite"), com.microsoft.playwright.options.RequestOptions.create()
				.setMultipart(com.microsoft.playwright.options.FormData.create().set("colour", "#000000"))).status()).isIn(403, 302);
			assertThat(state(cpts)).as("the member changed nothing").isEqualTo("null/false");
		}
	}
}
