package fr.maillage.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.maillage.support.Browser;
import fr.maillage.support.DemoTest;
import fr.maillage.support.DemoTest.Demo;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendars (FullCalendar): a roster's month where the coordinator fills a gap in place, one's own
 * agenda by week and by month, one's slots as a week, the association's meetings; without
 * JavaScript the same as tables. Screenshots go to the report.
 */
@DemoTest
class CalendarBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	UUID demo() {
		return jdbc.sql("select id from cpts where name like 'CPTS Démo Luberon-Durance%'").query(UUID.class).single();
	}

	record Gap(UUID shift, UUID roster, YearMonth month) {
	}

	/** The demo's pharmacy turn left empty. */
	Gap gap() {
		return jdbc.sql("""
				select s.id, s.roster_id, s.starts_at from oncall_shift s join oncall_roster r on r.id = s.roster_id
				where r.cpts_id = :c and r.kind = 'PHARMACIE' and r.active and s.starts_at > now() + interval '1 day'
				order by (s.practitioner_id is null and s.organization_id is null) desc, s.starts_at limit 1""")
			.param("c", demo())
			.query((rs, n) -> new Gap(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					YearMonth.from(rs.getTimestamp(3).toInstant().atZone(ZoneId.of("Europe/Paris")))))
			.single();
	}

	boolean empty(UUID shift) {
		return jdbc.sql("select practitioner_id is null and organization_id is null from oncall_shift where id = :s").param("s", shift).query(Boolean.class)
			.single();
	}

	@Test
	void theCoordinatorFillsAGapInPlaceOnTheRosterMonthAndEmptiesItAgain() {
		Gap gap = gap();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			assertThat(empty(gap.shift())).as("the demo leaves a pharmacy turn empty").isTrue();
			page.navigate(url("/cpts/" + demo() + "/gardes/" + gap.roster() + "?mois=" + gap.month()));
			var calendar = page.locator("#tours-calendrier");
			assertThat(calendar.locator(".fc-daygrid-day").first()).isVisible();
			assertThat(page.locator("#tours-liste")).isHidden();
			var gaps = calendar.locator(".fc-event.gap");
			assertThat(gaps.first()).isVisible();
			int before = gaps.count();
			Object red = gaps.first().evaluate("e => getComputedStyle(e).backgroundColor");
			assertThat(red).as("a gap is red").isEqualTo("rgb(183, 28, 28)");
			Browser.screenshot(page, "calendrier-gardes-mois");
			assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).as("axe on the roster's month").isEmpty();

			var turn = calendar.locator(".fc-event[data-shift='" + gap.shift() + "']");
			assertThat(turn).hasClass(Pattern.compile("\\bgap\\b"));
			turn.click();
			var dialog = page.locator("#affecter");
			assertThat(dialog).isVisible();
			assertThat(dialog.locator("[data-when]")).not().isEmpty();
			assertThat(fr.maillage.support.Accessibility.seriousViolations(page)).as("axe on the assignment dialog").isEmpty();
			String chosen = dialog.locator("select[name=assignee] option").nth(1).getAttribute("value");
			dialog.locator("select[name=assignee]").selectOption(chosen);
			dialog.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(dialog).isHidden();
			assertThat(page.locator(".calendar-status")).containsText("Garde attribuée à");
			assertThat(gaps).hasCount(before - 1);
			assertThat(empty(gap.shift())).as("the turn is given, in the database").isFalse();
			assertThat(page.locator("#tour-" + gap.shift() + " select[name=assignee]")).hasValue(chosen);

			// the list view says the same; the switch shows the table kept for readers without JavaScript
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir en liste")).click();
			assertThat(page.locator("#tours-liste")).isVisible();
			assertThat(calendar).isHidden();
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir le calendrier")).click();
			assertThat(calendar).isVisible();

			// the gap comes back the same way, from the keyboard: a turn given to nobody
			page.reload();
			assertThat(turn).hasClass(Pattern.compile("\\bturn\\b"));
			before = gaps.count();
			turn.focus();
			page.keyboard().press("Enter");
			assertThat(dialog).isVisible();
			dialog.locator("select[name=assignee]").selectOption("");
			dialog.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Enregistrer")).click();
			assertThat(page.locator(".calendar-status")).containsText("personne", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
			assertThat(gaps).hasCount(before + 1);
		}
		assertThat(empty(gap.shift())).as("the demo keeps its gap").isTrue();
	}

	@Test
	void withoutJavaScriptEveryCalendarIsATable() {
		Gap gap = gap();
		try (BrowserContext context = Browser.newContextWithoutJavaScript(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + demo() + "/gardes/" + gap.roster() + "?mois=" + gap.month()));
			assertThat(page.locator("#tours tbody tr").first()).isVisible();
			assertThat(page.locator("#tours-calendrier .fc-daygrid-day")).hasCount(0);
			page.navigate(url("/cpts/" + demo() + "/gardes?mois=" + gap.month()));
			assertThat(page.locator("#planning tbody tr")).hasCount(gap.month().lengthOfMonth());
			page.navigate(url("/cpts/" + demo() + "/reunions"));
			assertThat(page.locator("#reunions li").first()).isVisible();
			page.navigate(url("/agenda?vue=mois"));
			assertThat(page.locator("h1")).hasText("Mon agenda");
			assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Mois suivant →"))).isVisible();
		}
	}

	@Test
	void theMemberReadsTheirAgendaByWeekAndByMonth() {
		UUID member = jdbc.sql("select id from user_account where email = :e").param("e", Demo.MEMBER).query(UUID.class).single();
		// the form fuzzing shares this demo and may have ended the member's directory link: expectations follow the database
		UUID practitioner = jdbc.sql("select practitioner_id from account_link_directory where user_id = :u and status = 'ACTIVE' and practitioner_id is not null")
			.param("u", member).query(UUID.class).optional().orElse(null);
		YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
		long duties = practitioner == null ? 0 : jdbc.sql("""
				select count(*) from oncall_shift s join oncall_roster r on r.id = s.roster_id where r.active and s.practitioner_id = :p
				and s.ends_at > :from and s.starts_at < :to""").param("p", practitioner)
			.param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()))
			.param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()))
			.query(Long.class).single();
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			Browser.menu(page, "Soins et gardes", "Mon agenda");
			var calendar = page.locator("#agenda-calendrier");
			assertThat(calendar.locator(".fc-timeGridWeek-view")).isVisible();
			Browser.screenshot(page, "agenda-semaine");
			calendar.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mois")).click();
			assertThat(calendar.locator(".fc-dayGridMonth-view")).isVisible();
			if (duties > 0) {
				assertThat(calendar.locator(".fc-event.agenda-garde").first()).isVisible();
			}
			Browser.screenshot(page, "agenda-mois");
			// the table of the month (kept for readers without JavaScript) lists at least the member's duties
			page.navigate(url("/agenda?vue=mois"));
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir en liste")).click();
			if (duties > 0) {
				assertThat(page.locator("#agenda-table tr.agenda-garde").count()).isGreaterThanOrEqualTo((int) duties);
			}
			assertThat(page.locator("main")).not().containsText("??");
		}
	}

	@Test
	void theMemberSeesTheWeekOfTheirSlotsAndTheBoardTheMeetingsInACalendar() {
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.COORDINATOR, Demo.COORDINATOR_PASSWORD);
			page.navigate(url("/cpts/" + demo() + "/reunions"));
			var meetings = page.locator("#reunions-calendrier");
			assertThat(meetings.locator(".fc-dayGridMonth-view")).isVisible();
			Browser.screenshot(page, "calendrier-reunions");
			meetings.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Planning")).click();
			// the calendar opens on the month of the next meeting, and lists every meeting of that month
			long ahead = jdbc.sql("""
					with next as (select date_trunc('month', min(starts_at) at time zone 'Europe/Paris') as m from meeting where cpts_id = :c and starts_at > now())
					select count(*) from meeting, next where cpts_id = :c and starts_at at time zone 'Europe/Paris' >= next.m
					  and starts_at at time zone 'Europe/Paris' < next.m + interval '1 month'""")
				.param("c", demo()).query(Long.class).single();
			assertThat(ahead).as("the demo has meetings ahead").isPositive();
			assertThat(meetings.locator(".fc-list-event")).hasCount((int) ahead);
			if (ahead > 0) {
				meetings.locator(".fc-list-event a").first().click();
				page.waitForURL(Pattern.compile(".*/reunions/[0-9a-f-]{36}"));
			}
		}
		try (BrowserContext context = Browser.newContext(1366, 900)) {
			Page page = context.newPage();
			Browser.login(page, port, Demo.MEMBER, Demo.MEMBER_PASSWORD);
			Browser.menu(page, "Soins et gardes", "Mes créneaux");
			var week = page.locator("#creneaux-calendrier");
			assertThat(week.locator(".fc-timeGridWeek-view")).isVisible();
			Browser.screenshot(page, "creneaux-semaine");
			assertThat(page.locator("main")).not().containsText("??");
		}
	}
}
