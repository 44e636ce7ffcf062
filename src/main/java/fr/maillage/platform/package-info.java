/**
 * What every module stands on and no business module owns: the embedded database, the page
 * layout and the shape of its menu entries (MenuEntry) and home cards (HomeCard), the calendars'
 * exchange with calendar.js (web.CalendarEvents), the shared list (web.ListView,
 * fragments/list) and map (web.MapPoint, web.MapTiles, fragments/map), the PDF documents and their
 * letterhead hook (PdfDocuments.Letterheads), figures remembered a minute (RecentFigures),
 * locale and messages, error pages, the background jobs page and the upload limits.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package fr.maillage.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
