package fr.maillage.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.Api;
import fr.maillage.support.IntegrationTest;
import fr.maillage.support.People;
import fr.maillage.support.TestData;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A 200 MB attachment is refused before it is read, with a message in French; the conversation is unchanged. */
@IntegrationTest
class MessagingLimitsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aTwoHundredMegabyteAttachmentIsRefusedWithoutBeingRead() throws Exception {
		Api admin = new Api(port, TestData.ADMIN_TOKEN);
		String cpts = People.newCpts(admin);
		People.Person a = People.invite(admin, cpts, "MEMBER");
		People.Person b = People.invite(admin, cpts, "MEMBER");
		String token = People.token(port, a);
		Api aApi = new Api(port, token);
		String id = aApi.post("/api/v1/conversations", Map.of("email", b.email())).json().get("id").asString();

		long size = 200L * 1024 * 1024;
		InputStream zeros = new InputStream() {
			long left = size;

			@Override
			public int read() {
				return left-- > 0 ? 0 : -1;
			}

			@Override
			public int read(byte[] buffer, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				left -= n;
				return n;
			}
		};
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/conversations/" + id + "/messages"))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=----maillage-limite")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> zeros), size)).build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("10 Mo");
		assertThat(aApi.get("/api/v1/conversations/" + id + "/messages").json().get("messages")).isEmpty();
	}
}
