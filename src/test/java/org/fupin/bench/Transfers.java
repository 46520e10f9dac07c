package org.fupin.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Valid ownership transfers of the sampled assets, as many as the days allow: each is
 * dated the day after the asset's history last changed (so after the latest period's
 * start and not before any period's end), never after today, and goes wholly to a party
 * of the asset's village that does not own it then. Each client transfers only its own
 * assets, so two clients never race for one asset and every transfer should succeed.
 */
final class Transfers {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<Subject> subjects = new ArrayList<>();

	private final LocalDate today;

	private List<List<Subject>> byClient = List.of();

	private int[] cursors = new int[0];

	/**
	 * @param rows the sample: {@code registerNo}, {@code lastChanged} (a date),
	 * {@code owners} and {@code candidates} (lists of party ids)
	 * @param today the server's today: no transfer is dated after it
	 */
	Transfers(List<Map<String, Object>> rows, LocalDate today) {
		this.today = today;
		for (Map<String, Object> row : rows) {
			this.subjects.add(new Subject((String) row.get("registerNo"), (LocalDate) row.get("lastChanged"),
					ids(row.get("owners")), List.copyOf(ids(row.get("candidates")))));
		}
	}

	/** Deals the assets out to {@code clients} clients, round robin. */
	synchronized void deal(int clients) {
		List<List<Subject>> dealt = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			dealt.add(new ArrayList<>());
		}
		for (int i = 0; i < this.subjects.size(); i++) {
			dealt.get(i % clients).add(this.subjects.get(i));
		}
		this.byClient = dealt;
		this.cursors = new int[clients];
	}

	/**
	 * The next transfer of one of the client's assets: {@code registerNo}, {@code date},
	 * {@code ownerId}, and {@code before} / {@code after} (JSON for the floor's change
	 * event). The asset's state moves on as if it succeeded.
	 * @throws IllegalStateException when the client's assets can take no more transfers
	 */
	Map<String, Object> next(int client) {
		List<Subject> mine = this.byClient.get(client);
		for (int tried = 0; tried < mine.size(); tried++) {
			Subject subject = mine.get(this.cursors[client]++ % mine.size());
			LocalDate date = subject.lastChanged.plusDays(1);
			String ownerId = subject.candidates.stream()
				.filter((id) -> !subject.owners.contains(id))
				.findFirst()
				.orElse(null);
			if (date.isAfter(this.today) || ownerId == null) {
				continue;
			}
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("registerNo", subject.registerNo);
			parameters.put("date", date);
			parameters.put("ownerId", ownerId);
			parameters.put("before", json(Map.of("owners", List.copyOf(subject.owners))));
			parameters.put("after", json(Map.of("date", date.toString(), "owners", List.of(ownerId))));
			subject.lastChanged = date;
			subject.owners = Set.of(ownerId);
			return parameters;
		}
		throw new IllegalStateException("Client " + client + " has no asset left to transfer on or before " + this.today
				+ "; sample more assets or load a new store");
	}

	int size() {
		return this.subjects.size();
	}

	private static Set<String> ids(Object list) {
		Set<String> ids = new LinkedHashSet<>();
		if (list instanceof List<?> values) {
			values.forEach((value) -> ids.add((String) value));
		}
		return ids;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One asset's state as far as transfers go; touched by one client at a time. */
	private static final class Subject {

		private final String registerNo;

		private final List<String> candidates;

		private LocalDate lastChanged;

		private Set<String> owners;

		Subject(String registerNo, LocalDate lastChanged, Set<String> owners, List<String> candidates) {
			this.registerNo = registerNo;
			this.lastChanged = lastChanged;
			this.owners = owners;
			this.candidates = candidates;
		}

	}

}
