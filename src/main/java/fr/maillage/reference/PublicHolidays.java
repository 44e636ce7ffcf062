package fr.maillage.reference;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;

/**
 * The French public holidays (jours fériés) of a year, computed: the eight fixed ones, and Easter
 * Monday, Ascension and Whit Monday from Easter Sunday (anonymous Gregorian algorithm). Alsace and
 * Moselle (départements 57, 67, 68) add Good Friday and 26 December.
 */
public final class PublicHolidays {

	private static final Map<MonthDay, String> FIXED = Map.of(MonthDay.of(1, 1), "Jour de l'an", MonthDay.of(5, 1), "Fête du Travail",
			MonthDay.of(5, 8), "Victoire 1945", MonthDay.of(7, 14), "Fête nationale", MonthDay.of(8, 15), "Assomption",
			MonthDay.of(11, 1), "Toussaint", MonthDay.of(11, 11), "Armistice 1918", MonthDay.of(12, 25), "Noël");

	private PublicHolidays() {
	}

	/** Easter Sunday of a Gregorian year. */
	public static LocalDate easter(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}

	/** The public holidays of a year, by date, with their French names. */
	public static Map<LocalDate, String> of(int year, boolean alsaceMoselle) {
		Map<LocalDate, String> days = new TreeMap<>();
		FIXED.forEach((md, name) -> days.put(md.atYear(year), name));
		LocalDate easter = easter(year);
		days.put(easter.plusDays(1), "Lundi de Pâques");
		days.put(easter.plusDays(39), "Ascension");
		days.put(easter.plusDays(50), "Lundi de Pentecôte");
		if (alsaceMoselle) {
			days.put(easter.minusDays(2), "Vendredi saint");
			days.put(LocalDate.of(year, 12, 26), "Saint-Étienne");
		}
		return days;
	}

	public static boolean isHoliday(LocalDate day, boolean alsaceMoselle) {
		return of(day.getYear(), alsaceMoselle).containsKey(day);
	}

	/** Whether the département keeps the local law of Alsace-Moselle. */
	public static boolean alsaceMoselle(String departementCode) {
		return departementCode.equals("57") || departementCode.equals("67") || departementCode.equals("68");
	}
}
