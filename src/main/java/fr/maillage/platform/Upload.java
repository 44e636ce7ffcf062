package fr.maillage.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file a person sent, as its name and bytes, before {@link FileCheck} says what it really is. */
public record Upload(String name, byte[] content) {

	/** The files of a form, the empty inputs left out. */
	public static List<Upload> of(@Nullable List<MultipartFile> files) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (f != null && !f.isEmpty()) {
					uploads.add(new Upload(f.getOriginalFilename() == null ? "document" : f.getOriginalFilename(), f.getBytes()));
				}
			}
		}
		return uploads;
	}
}
