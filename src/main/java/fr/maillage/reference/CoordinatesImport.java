package fr.maillage.reference;

import java.util.List;

/**
 * Imports commune coordinates from a CSV {@code code_insee,latitude,longitude} (the shape of the
 * IGN-derived centroid files). Everything is checked first; a malformed line refuses the whole
 * file. Codes that are not current communes are reported, and former codes of merged communes
 * place the current commune when it has no line of its own.
 */
public interface CoordinatesImport {

	/** One line's remark: a message key and its arguments. */
	record Remark(int line, String key, List<String> args) {
	}

	/**
	 * What the file holds and what applying it does. {@code applied} is false for a preview or when
	 * errors refused the file. The lists hold the first 200 remarks.
	 */
	record Report(int lines, int placed, int viaFormerCode, int unknownCount, List<Remark> unknown, List<Remark> errors, boolean applied) {
		public boolean acceptable() {
			return errors.isEmpty() && placed > 0;
		}
	}

	Report preview(String csv);

	Report apply(String csv);

	int communesWithCoordinates();
}
