fbt::zsd_apply_create:entry { trace(args[2]->zone_name); }
fbt::zsd_apply_create:return {}
