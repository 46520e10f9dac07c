package org.fupin.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Group;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.internal.batchimport.input.Groups;

/**
 * The generated national dataset as input of Neo4j's offline importer, straight from the
 * generator: no CSV in between, and the property values are the very Java objects the
 * transactional loader writes ({@code LocalDate}, {@code Long} (money in fen),
 * {@code String[]} ...), so both stores hold the same types.
 *
 * <p>
 * Node ids are the natural keys, one id space per key label ({@code Place} for every
 * level, {@code Organisation} for every kind of organisation, ...), which is also how the
 * uniqueness constraints read. The importer reads nodes and then relationships, each with
 * several threads: every {@link InputIterator#next} call takes the next chunk name and
 * generates it in the calling thread, so generation runs on all cores. Each pass
 * generates the dataset again (the generator is deterministic and far faster than the
 * importer) instead of holding 60 million relationships in memory.
 */
final class GeneratorInput implements Input {

	private final NationalGenerator generator;

	private final int stopAfter;

	private final Groups groups = new Groups();

	/**
	 * Every label of a node table, and the relationship ends' labels, to its id space.
	 */
	private final Map<String, Group> groupByLabel = new HashMap<>();

	private final AtomicInteger generated = new AtomicInteger();

	private volatile long estimatedRows;

	/**
	 * @param generator the dataset
	 * @param stopAfter a test hook: fail as if killed once this many chunks were
	 * generated ({@link Integer#MAX_VALUE}: never)
	 */
	GeneratorInput(NationalGenerator generator, int stopAfter) {
		this.generator = generator;
		this.stopAfter = stopAfter;
		for (GraphTable table : GraphTable.ALL.values()) {
			if (table.isNode()) {
				Group group = this.groups.getOrCreate(table.labels().get(0));
				table.labels().forEach((label) -> this.groupByLabel.put(label, group));
			}
		}
	}

	@Override
	public InputIterable nodes(Collector badCollector) {
		return () -> new Iterator(true);
	}

	@Override
	public InputIterable relationships(Collector badCollector) {
		return () -> new Iterator(false);
	}

	@Override
	public IdType idType() {
		return IdType.STRING;
	}

	@Override
	public ReadableGroups groups() {
		return this.groups;
	}

	/**
	 * Sizes from a sample of the chunks (the skeleton and about one in 40 of the rest),
	 * extrapolated over every chunk by the generator's weights: the importer only uses
	 * them to plan memory and report progress.
	 */
	@Override
	public Estimates validateAndEstimate(PropertySizeCalculator valueSizeCalculator) {
		List<String> chunks = this.generator.chunks();
		long totalWeight = chunks.stream().mapToLong(this.generator::weight).sum();
		long sampledWeight = 0;
		long[] sums = new long[5];
		for (int i = 0; i < chunks.size(); i += (i == 0) ? 1 : 40) {
			String name = chunks.get(i);
			sampledWeight += this.generator.weight(name);
			this.generator.generate(name).tables().forEach((table, rows) -> {
				for (Map<String, Object> row : rows) {
					if (table.isNode()) {
						sums[0]++;
						sums[2] += row.size();
						sums[4] += table.labels().size();
					}
					else {
						sums[1]++;
						sums[3] += ((Map<?, ?>) row.get("p")).size();
					}
				}
			});
		}
		double factor = (double) totalWeight / Math.max(1, sampledWeight);
		long nodes = (long) (sums[0] * factor);
		long relationships = (long) (sums[1] * factor);
		this.estimatedRows = nodes + relationships;
		long nodeProperties = (long) (sums[2] * factor);
		long relationshipProperties = (long) (sums[3] * factor);
		// About 24 bytes per property value: short strings, dates and numbers.
		return Input.knownEstimates(nodes, relationships, nodeProperties, relationshipProperties, nodeProperties * 24,
				relationshipProperties * 24, (long) (sums[4] * factor));
	}

	/** Nodes and relationships as estimated, once the importer asked. */
	long estimatedRows() {
		return this.estimatedRows;
	}

	/** One pass over every chunk, for nodes or for relationships. */
	private final class Iterator implements InputIterator {

		private final boolean nodes;

		private final Queue<String> remaining;

		Iterator(boolean nodes) {
			this.nodes = nodes;
			this.remaining = new ConcurrentLinkedQueue<>(GeneratorInput.this.generator.chunks());
		}

		@Override
		public InputChunk newChunk() {
			return new Rows();
		}

		@Override
		public boolean next(InputChunk chunk) {
			String name = this.remaining.poll();
			if (name == null) {
				return false;
			}
			if (this.nodes && GeneratorInput.this.generated.incrementAndGet() > GeneratorInput.this.stopAfter) {
				throw new BulkLoader.SimulatedKill(name);
			}
			((Rows) chunk).fill(GeneratorInput.this.generator.generate(name), this.nodes);
			return true;
		}

		@Override
		public void close() {
		}

	}

	/** The nodes, or the relationships, of one generated chunk. */
	private final class Rows implements InputChunk {

		private final List<GraphTable> tables = new ArrayList<>();

		private final List<Map<String, Object>> rows = new ArrayList<>();

		private int next;

		void fill(Chunk chunk, boolean nodes) {
			this.tables.clear();
			this.rows.clear();
			this.next = 0;
			chunk.tables().forEach((table, rows) -> {
				if (table.isNode() == nodes) {
					for (Map<String, Object> row : rows) {
						this.tables.add(table);
						this.rows.add(row);
					}
				}
			});
		}

		@Override
		public boolean next(InputEntityVisitor visitor) throws java.io.IOException {
			if (this.next == this.rows.size()) {
				return false;
			}
			GraphTable table = this.tables.get(this.next);
			Map<String, Object> row = this.rows.get(this.next++);
			if (table.isNode()) {
				visitor.id(row.get(table.key()), group(table.labels().get(0)));
				visitor.labels(table.labels().toArray(String[]::new));
				row.forEach(visitor::property);
			}
			else {
				visitor.startId(row.get("a"), group(table.from()));
				visitor.endId(row.get("b"), group(table.to()));
				visitor.type(table.type());
				@SuppressWarnings("unchecked")
				Map<String, Object> properties = (Map<String, Object>) row.get("p");
				properties.forEach(visitor::property);
			}
			visitor.endOfEntity();
			return true;
		}

		/**
		 * The id space of a label, or of a relationship end such as {@code County.code}.
		 */
		private Group group(String labelAndKey) {
			int dot = labelAndKey.indexOf('.');
			String label = (dot < 0) ? labelAndKey : labelAndKey.substring(0, dot);
			Group group = GeneratorInput.this.groupByLabel.get(label);
			if (group == null) {
				throw new IllegalStateException("No node table has the label " + label);
			}
			return group;
		}

		@Override
		public void close() {
		}

	}

}
