package fr.maillage.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Chromium per test JVM (the system one, driven by Playwright), and a fresh context per
 * test. Screenshots go to target/screenshots.
 */
public final class Browser {

	private static Playwright playwright;
	private static com.microsoft.playwright.Browser chromium;

	private Browser() {
	}

	private static synchronized com.microsoft.playwright.Browser chromium() {
		if (chromium == null) {
			playwright = Playwright.create();
			String executable = System.getProperty("maillage.chromium", "/usr/bin/chromium");
			chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Path.of(executable)).setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
						"--no-first-run", "--disable-sync", "--disable-quic")));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				chromium.close();
				playwright.close();
			}));
		}
		return chromium;
	}

	/** A fresh browser context (no cookies), French, desktop-sized. */
	public static BrowserContext newContext() {
		return chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
	}

	/** A fresh French context of this window size. */
	public static BrowserContext newContext(int width, int height) {
		return chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height));
	}

	/** A French context of this window size where JavaScript is off: what a page says without its scripts. */
	public static BrowserContext newContextWithoutJavaScript(int width, int height) {
		return chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height)
			.setJavaScriptEnabled(false));
	}

	/** A phone-sized context. */
	public static BrowserContext newPhoneContext() {
		return chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("fr-FR").setTimezoneId("Europe/Paris")
			.setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
	}

	/** Signs in through the login page, as a person would. */
	public static void login(Page page, int port, String email, String password) {
		page.navigate("http://127.0.0.1:" + port + "/connexion");
		page.getByLabel("Adresse e-mail").fill(email);
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.waitForURL(url -> !url.contains("/connexion"));
	}

	/** Follows a link of the main menu as a person does: the menu button on a narrow window, the group, the link. */
	public static void menu(Page page, String group, String link) {
		var menu = page.locator("#menu-principal");
		var toggle = page.locator(".menu-toggle");
		if (toggle.isVisible() && !menu.isVisible()) {
			toggle.click();
		}
		menu.locator("summary", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(group)).click();
		var a = menu.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(link).setExact(true));
		String href = a.getAttribute("href");
		a.click();
		// the page the link opens, loaded with its scripts (a select that submits on change must find its listener)
		page.waitForURL(url -> java.net.URI.create(url).getPath().equals(href));
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
	}

	public static void screenshot(Page page, String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
