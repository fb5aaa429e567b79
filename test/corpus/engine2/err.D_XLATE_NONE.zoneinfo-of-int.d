/* The zoneinfo_t translator takes a zone_t pointer: an integer needs a cast first. */
sdt:::zsd-create-start
{
	trace(xlate<zoneinfo_t *>(arg0)->zi_id);
}
