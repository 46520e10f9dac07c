package org.fupin.ledger.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.WritingIntegrationTest;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger file over the upload limit is refused with 413 before anything is kept of it,
 * and the server goes on answering. The limit is set to 64 KB here (64 MB in production)
 * so that the test sends 200 KB, not 64 MB.
 */
@TestPropertySource(properties = { "app.test.store=upload-limit", "spring.servlet.multipart.max-file-size=64KB" })
class UploadLimitIT extends WritingIntegrationTest {

	static final String HEADER = "登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private ImportProperties imports;

	@Autowired
	private ObjectMapper json;

	@Test
	void aFileOverTheLimitIsRefusedWith413AndNothingIsKeptAndTheNextUploadIsTaken() throws IOException {
		Map<String, Object> before = graphSnapshot();
		StringBuilder large = new StringBuilder(HEADER).append('\n');
		for (int i = 1; large.length() < 200 * 1024; i++) {
			large.append("ZC-LIMIT-").append(i).append(",村道,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,450102101201\n");
		}
		EntityExchangeResult<byte[]> refused = upload("large.csv", large.toString());
		assertThat(refused.getStatus().value()).isEqualTo(413);
		assertThat(body(refused)).isEqualTo(Map.of("errors", List.of(Map.of("message",
				"文件超过上传上限 64 KB；请把台账拆成几个较小的文件分别导入，或请管理员调高 spring.servlet.multipart.max-file-size。"
						+ "The file is larger than the upload limit of 64 KB; split the ledger into smaller files and"
						+ " import each, or ask an administrator to raise spring.servlet.multipart.max-file-size.",
				"extensions", Map.of("code", "REQUEST_TOO_LARGE", "field", "file")))));
		assertThat(graphSnapshot()).isEqualTo(before);
		assertThat(keptUploads()).isZero();

		EntityExchangeResult<byte[]> taken = upload("small.csv",
				HEADER + "\nZC-LIMIT-1,村道,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,450102101201\n");
		assertThat(taken.getStatus().value()).isEqualTo(202);
		assertThat(body(taken)).containsEntry("fileName", "small.csv");
	}

	private long keptUploads() throws IOException {
		if (!Files.isDirectory(this.imports.dir())) {
			return 0;
		}
		try (Stream<Path> files = Files.list(this.imports.dir())) {
			return files.count();
		}
	}

	private EntityExchangeResult<byte[]> upload(String name, String content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(MediaType.parseMediaType("text/csv"));
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + this.tokens.issue("upload-limit-admin", List.of(Role.ADMIN), null, null, false))
			.build()
			.post()
			.uri("/ledgers/assets/imports")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody()
			.returnResult();
	}

	private Map<String, Object> body(EntityExchangeResult<byte[]> answer) throws IOException {
		return this.json.readValue(answer.getResponseBodyContent(), new TypeReference<>() {
		});
	}

}
