package fr.maillage.cpts;

import fr.maillage.accounts.CptsAccess;
import fr.maillage.accounts.CurrentUser;
import fr.maillage.audit.AuditLog;
import fr.maillage.platform.FileCheck;
import fr.maillage.platform.Problems;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CPTS's visual identity: a colour and a logo its coordinators choose, on its public page and
 * on the documents it issues (receipts, minutes, plannings). The colour carries white text, so it
 * must be dark enough (WCAG contrast 4.5:1 at least); the logo is a real PNG or JPEG (read from
 * its content and decoded), 500 KB and 2,000 pixels a side at most.
 */
@Service
public class CptsIdentity {

	public static final int MOST_BYTES = 500 * 1024;
	static final int MOST_PIXELS = 2000;
	static final double LEAST_CONTRAST = 4.5;
	private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg");

	/** What pages need: the colour (null: the default) and whether there is a logo, with its version for caches. */
	public record Look(@Nullable String colour, boolean hasLogo, Instant updatedAt) {

		public static final Look NONE = new Look(null, false, Instant.EPOCH);

		public long version() {
			return updatedAt.toEpochMilli();
		}
	}

	public record Logo(byte[] content, String type, Instant updatedAt) {

		/** The logo as a data URI, for documents rendered without a network (PDF). */
		public String dataUri() {
			return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(content);
		}
	}

	/** What the coordinator sent: a colour (blank: none), a new logo (null: keep it) or its removal. */
	public record Change(@Nullable String colour, byte @Nullable [] logo, @Nullable String logoName, boolean removeLogo) {
	}

	private final JdbcClient jdbc;
	private final CptsAccess access;
	private final AuditLog audit;
	private final FileCheck files;

	CptsIdentity(JdbcClient jdbc, CptsAccess access, AuditLog audit, FileCheck files) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.files = files;
	}

	/** Public: what the public page shows anyway. */
	@Transactional(readOnly = true)
	public Look look(UUID cptsId) {
		return jdbc.sql("select colour, logo is not null as has_logo, updated_at from cpts_identity where cpts_id = :c").param("c", cptsId)
			.query((rs, n) -> new Look(rs.getString("colour"), rs.getBoolean("has_logo"), rs.getTimestamp("updated_at").toInstant()))
			.optional().orElse(Look.NONE);
	}

	/** Public: the logo as the public page shows it. */
	@Transactional(readOnly = true)
	public Optional<Logo> logo(UUID cptsId) {
		return jdbc.sql("select logo, logo_type, updated_at from cpts_identity where cpts_id = :c and logo is not null").param("c", cptsId)
			.query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type"), rs.getTimestamp("updated_at").toInstant())).optional();
	}

	/** Everything wrong with a change, by field; nothing is saved when there is anything. */
	public Problems check(Change change) {
		Problems problems = new Problems();
		String colour = normalised(change.colour());
		if (colour != null && !colour.matches("#[0-9a-f]{6}")) {
			problems.reject("colour", "cpts.look.colour.format", change.colour());
		}
		else if (colour != null && contrastWithWhite(colour) < LEAST_CONTRAST) {
			problems.reject("colour", "cpts.look.colour.light", String.format(Locale.FRENCH, "%.1f", contrastWithWhite(colour)));
		}
		if (change.logo() != null && change.logo().length > 0) {
			if (change.logo().length > MOST_BYTES) {
				problems.reject("logo", "cpts.look.logo.tooBig", MOST_BYTES / 1024);
			}
			else {
				FileCheck.Checked checked = files.check(change.logoName() == null ? "logo" : change.logoName(), change.logo());
				int[] size = checked == null || !IMAGES.contains(checked.contentType()) ? null : dimensions(change.logo());
				if (size == null) {
					problems.reject("logo", "cpts.look.logo.notAnImage");
				}
				else if (size[0] > MOST_PIXELS || size[1] > MOST_PIXELS) {
					problems.reject("logo", "cpts.look.logo.tooLarge", MOST_PIXELS);
				}
				else if (decode(change.logo()) == null) {
					problems.reject("logo", "cpts.look.logo.notAnImage");
				}
			}
		}
		return problems;
	}

	@Transactional
	public Look change(UUID cptsId, Change change) {
		CurrentUser user = access.requireCoordinator(cptsId);
		check(change).throwIfAny();
		String colour = normalised(change.colour());
		boolean newLogo = change.logo() != null && change.logo().length > 0;
		String type = newLogo ? files.check(change.logoName() == null ? "logo" : change.logoName(), change.logo()).contentType() : null;
		jdbc.sql("""
				insert into cpts_identity (cpts_id, colour, logo, logo_type, updated_at, updated_by) values (:c, :colour, :logo, :type, now(), :by)
				on conflict (cpts_id) do update set colour = excluded.colour,
				  logo = case when :remove then null when :new then excluded.logo else cpts_identity.logo end,
				  logo_type = case when :remove then null when :new then excluded.logo_type else cpts_identity.logo_type end,
				  updated_at = now(), updated_by = excluded.updated_by""")
			.param("c", cptsId).param("colour", colour).param("logo", newLogo && !change.removeLogo() ? change.logo() : null)
			.param("type", newLogo && !change.removeLogo() ? type : null).param("remove", change.removeLogo()).param("new", newLogo)
			.param("by", user.id()).update();
		audit.change("cpts.identity.changed", "cpts", cptsId.toString(), cptsId,
				"couleur " + (colour == null ? "par défaut" : colour) + (change.removeLogo() ? ", logo retiré" : newLogo ? ", nouveau logo (" + type + ")" : ""));
		return look(cptsId);
	}

	/** WCAG 2 contrast ratio of white text on this colour (#rrggbb). */
	static double contrastWithWhite(String colour) {
		int rgb = Integer.parseInt(colour.substring(1), 16);
		double luminance = 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
		return 1.05 / (luminance + 0.05);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static @Nullable String normalised(@Nullable String colour) {
		return colour == null || colour.isBlank() ? null : colour.strip().toLowerCase(Locale.ROOT);
	}

	/** Width and height read from the header, before any decoding (a small file may declare a huge image). */
	private static int @Nullable [] dimensions(byte[] content) {
		try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			javax.imageio.ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return new int[] { reader.getWidth(0), reader.getHeight(0) };
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable BufferedImage decode(byte[] content) {
		try {
			return ImageIO.read(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}
}
