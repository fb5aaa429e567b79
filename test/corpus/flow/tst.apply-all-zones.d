fbt::zsd_apply_all_zones:entry, fbt::zsd_apply_all_zones:return,
fbt::zsd_apply_create:entry, fbt::zsd_apply_create:return
{
}
