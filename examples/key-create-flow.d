/*
 * key-create-flow.d: the flow of one zone_key_create, with -F indentation.
 *
 * Shows the marking loop, the zsd_apply_all_zones pass and each zsd_apply_create, and any
 * waits, for the first key created during the run. Run with -F (or the pragma below).
 */
#pragma D option flowindent

int done;

fbt::zone_key_create:entry
/!done/
{
	self->follow = 1;
	done = 1;
}

fbt:::entry, fbt:::return
/self->follow/
{
}

fbt::zone_key_create:return
/self->follow/
{
	self->follow = 0;
	exit(0);
}
