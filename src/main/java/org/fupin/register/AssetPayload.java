package org.fupin.register;

import org.fupin.change.ChangeEvent;

/**
 * The answer of every asset mutation: the asset (resolved after the transaction
 * committed, so it shows what was written) and the change event recorded.
 */
record AssetPayload(String registerNo, ChangeEvent change) {

	static AssetPayload of(RegisterService.AssetChange change) {
		return new AssetPayload(change.registerNo(), change.change());
	}

}
