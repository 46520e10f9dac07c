package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.party.PartyKind;
import org.fupin.party.PartyService;
import org.fupin.place.PlaceLevel;

import org.springframework.stereotype.Service;

/**
 * Network exploration for coordination offices: the pairings around a party, level by
 * level under a depth and size cap, and the shortest explanatory paths between two
 * parties, in words. Each is one statement, the look-up of its parties included; ids are
 * checked for their form before it runs.
 */
@Service
public class NetworkService {

	static final int MAX_DEPTH = 3;

	static final int MAX_NODES = 500;

	static final int MAX_PATH_LENGTH = 8;

	/** Edges a network may hold per allowed node: a cap on edges too. */
	private static final int EDGES_PER_NODE = 4;

	private final NetworkRepository repository;

	NetworkService(NetworkRepository repository) {
		this.repository = repository;
	}

	AssistanceNetwork network(String rootId, int depth, List<PairingProgram> programs, int maxNodes) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw ApiException.invalid("depth", "depth must be between 1 and " + MAX_DEPTH + ", was " + depth + ".");
		}
		if (maxNodes < 1 || maxNodes > MAX_NODES) {
			throw ApiException.invalid("maxNodes",
					"maxNodes must be between 1 and " + MAX_NODES + ", was " + maxNodes + ".");
		}
		PartyKind kind = requireParty(rootId, "rootId");
		List<String> programNames = (programs != null && !programs.isEmpty())
				? programs.stream().map(Enum::name).toList() : null;
		Map<String, Object> network = this.repository
			.network(rootId, depth, programNames, maxNodes, EDGES_PER_NODE * maxNodes)
			.orElseThrow(() -> PartyService.notFound(kind, rootId, "rootId"));
		List<AssistanceNetwork.Node> nodes = ((List<?>) network.get("nodes")).stream()
			.map((node) -> node(PairingRepository.map(node)))
			.toList();
		List<AssistanceNetwork.Edge> edges = ((List<?>) network.get("edges")).stream()
			.map((edge) -> edge(PairingRepository.map(edge)))
			.toList();
		return new AssistanceNetwork(rootId, depth, nodes, edges, (Boolean) network.get("truncated"));
	}

	private static AssistanceNetwork.Edge edge(Map<String, Object> row) {
		Map<String, Object> edge = PairingRepository.map(row.get("edge"));
		return new AssistanceNetwork.Edge((String) edge.get("id"),
				(String) PairingRepository.map(row.get("source")).get("id"),
				(String) PairingRepository.map(row.get("target")).get("id"), (String) edge.get("program"),
				(String) edge.get("kind"), (String) edge.get("status"), (LocalDate) edge.get("startDate"),
				(LocalDate) edge.get("endDate"));
	}

	private static AssistanceNetwork.Node node(Map<String, Object> party) {
		String id = (String) party.get("id");
		String type = (PartyKind.ofId(id) == PartyKind.PLACE) ? PlaceLevel.ofLength(id.length()).name()
				: "ORGANISATION";
		return new AssistanceNetwork.Node(id, (String) party.get("name"), type, (String) party.get("kind"),
				((Number) party.get("distance")).intValue());
	}

	List<ConnectionPath> connections(String fromId, String toId, int maxLength) {
		if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
			throw ApiException.invalid("maxLength",
					"maxLength must be between 1 and " + MAX_PATH_LENGTH + ", was " + maxLength + ".");
		}
		PartyKind fromKind = requireParty(fromId, "fromId");
		PartyKind toKind = requireParty(toId, "toId");
		Map<String, Object> found = this.repository.shortestPaths(fromId, toId, maxLength);
		if (!(Boolean) found.get("fromFound")) {
			throw PartyService.notFound(fromKind, fromId, "fromId");
		}
		if (!(Boolean) found.get("toFound")) {
			throw PartyService.notFound(toKind, toId, "toId");
		}
		if (fromId.equals(toId)) {
			throw ApiException.invalid("toId", "toId must differ from fromId.");
		}
		List<ConnectionPath> paths = new ArrayList<>();
		for (Object path : (List<?>) found.get("paths")) {
			Map<String, Object> row = PairingRepository.map(path);
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

	/**
	 * Checks the form of a party id; whether the party exists is read in the question's
	 * own statement.
	 */
	private static PartyKind requireParty(String id, String field) {
		if (id == null || id.isBlank()) {
			throw ApiException.invalid(field, field + " is required: a place code or an organisation's credit code.");
		}
		PartyKind kind = PartyService.requireId(id, field);
		if (kind == PartyKind.HOUSEHOLD) {
			throw ApiException.invalid(field, field + " is a household; networks link places and organisations.");
		}
		return kind;
	}

}
