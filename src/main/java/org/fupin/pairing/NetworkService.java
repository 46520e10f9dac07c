package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.party.PartyKind;
import org.fupin.party.PartyService;
import org.fupin.place.PlaceLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Network exploration for coordination offices: the pairings around a party, level by
 * level under a depth and size cap, and the shortest explanatory paths between two
 * parties, in words.
 */
@Service
@Transactional(readOnly = true)
public class NetworkService {

	static final int MAX_DEPTH = 3;

	static final int MAX_NODES = 500;

	static final int MAX_PATH_LENGTH = 8;

	/** Edges a network may hold per allowed node: a cap on edges too. */
	private static final int EDGES_PER_NODE = 4;

	private final NetworkRepository repository;

	private final PartyService parties;

	NetworkService(NetworkRepository repository, PartyService parties) {
		this.repository = repository;
		this.parties = parties;
	}

	AssistanceNetwork network(String rootId, int depth, List<PairingProgram> programs, int maxNodes) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw ApiException.invalid("depth", "depth must be between 1 and " + MAX_DEPTH + ", was " + depth + ".");
		}
		if (maxNodes < 1 || maxNodes > MAX_NODES) {
			throw ApiException.invalid("maxNodes",
					"maxNodes must be between 1 and " + MAX_NODES + ", was " + maxNodes + ".");
		}
		requireParty(rootId, "rootId");
		List<String> programNames = (programs != null && !programs.isEmpty())
				? programs.stream().map(Enum::name).toList() : null;
		Map<String, AssistanceNetwork.Node> nodes = new LinkedHashMap<>();
		Map<String, AssistanceNetwork.Edge> edges = new LinkedHashMap<>();
		Map<String, Object> root = this.repository.parties(List.of(rootId)).get(rootId);
		nodes.put(rootId, node(root, 0));
		int maxEdges = EDGES_PER_NODE * maxNodes;
		boolean truncated = false;
		List<String> frontier = List.of(rootId);
		for (int distance = 1; distance <= depth && !frontier.isEmpty(); distance++) {
			List<Map<String, Object>> rows = this.repository.level(frontier, programNames, maxEdges + 1);
			List<String> next = new ArrayList<>();
			for (Map<String, Object> row : rows) {
				Map<String, Object> edge = PairingRepository.map(row.get("edge"));
				if (edges.containsKey((String) edge.get("id"))) {
					continue;
				}
				Map<String, Object> source = PairingRepository.map(row.get("source"));
				Map<String, Object> target = PairingRepository.map(row.get("target"));
				int added = (nodes.containsKey((String) source.get("id")) ? 0 : 1)
						+ (nodes.containsKey((String) target.get("id")) ? 0 : 1);
				if (nodes.size() + added > maxNodes || edges.size() >= maxEdges) {
					truncated = true;
					continue;
				}
				for (Map<String, Object> end : List.of(source, target)) {
					String id = (String) end.get("id");
					if (!nodes.containsKey(id)) {
						nodes.put(id, node(end, distance));
						next.add(id);
					}
				}
				edges.put((String) edge.get("id"),
						new AssistanceNetwork.Edge((String) edge.get("id"), (String) source.get("id"),
								(String) target.get("id"), (String) edge.get("program"), (String) edge.get("kind"),
								(String) edge.get("status"), (LocalDate) edge.get("startDate"),
								(LocalDate) edge.get("endDate")));
			}
			frontier = next;
		}
		return new AssistanceNetwork(rootId, depth, List.copyOf(nodes.values()), List.copyOf(edges.values()),
				truncated);
	}

	private static AssistanceNetwork.Node node(Map<String, Object> party, int distance) {
		String id = (String) party.get("id");
		String type = (PartyKind.ofId(id) == PartyKind.PLACE) ? PlaceLevel.ofLength(id.length()).name()
				: "ORGANISATION";
		return new AssistanceNetwork.Node(id, (String) party.get("name"), type, (String) party.get("kind"), distance);
	}

	List<ConnectionPath> connections(String fromId, String toId, int maxLength) {
		if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
			throw ApiException.invalid("maxLength",
					"maxLength must be between 1 and " + MAX_PATH_LENGTH + ", was " + maxLength + ".");
		}
		requireParty(fromId, "fromId");
		requireParty(toId, "toId");
		if (fromId.equals(toId)) {
			throw ApiException.invalid("toId", "toId must differ from fromId.");
		}
		List<ConnectionPath> paths = new ArrayList<>();
		for (Map<String, Object> row : this.repository.shortestPaths(fromId, toId, maxLength)) {
			List<Map<String, Object>> nodes = ((List<?>) row.get("nodes")).stream()
				.map(PairingRepository::map)
				.toList();
			List<Map<String, Object>> rels = ((List<?>) row.get("rels")).stream().map(PairingRepository::map).toList();
			paths.add(new ConnectionPath(rels.size(), nodes.stream().map(NetworkService::pathNode).toList(),
					PathSteps.describe(nodes, rels)));
		}
		paths.sort(Comparator
			.comparing((ConnectionPath p) -> p.nodes().stream().map(ConnectionPath.Node::id).toList().toString()));
		return paths;
	}

	private static ConnectionPath.Node pathNode(Map<String, Object> node) {
		String type = (String) node.get("type");
		String name = "Pairing".equals(type) ? PairingProgram.valueOf((String) node.get("program")).chinese()
				: (String) node.get("name");
		return new ConnectionPath.Node((String) node.get("id"), name, type);
	}

	private void requireParty(String id, String field) {
		if (id == null || id.isBlank()) {
			throw ApiException.invalid(field, field + " is required: a place code or an organisation's credit code.");
		}
		if (this.parties.requireParty(id, field) == PartyKind.HOUSEHOLD) {
			throw ApiException.invalid(field, field + " is a household; networks link places and organisations.");
		}
	}

}
