package fr.maillage.platform;

import java.util.List;

/** One line of the authorisation table: an HTTP method (or * for any), a path pattern and who may call it. */
public record Route(String method, String pattern, Access access) {

	public static Route get(String pattern, Access access) {
		return new Route("GET", pattern, access);
	}

	public static Route post(String pattern, Access access) {
		return new Route("POST", pattern, access);
	}

	public static Route put(String pattern, Access access) {
		return new Route("PUT", pattern, access);
	}

	public static Route delete(String pattern, Access access) {
		return new Route("DELETE", pattern, access);
	}

	public static Route any(String pattern, Access access) {
		return new Route("*", pattern, access);
	}

	/** Each module declares its routes by implementing this; the security configuration applies them all. */
	public interface Declarations {
		List<Route> routes();
	}
}
