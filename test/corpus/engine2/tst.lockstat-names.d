#pragma D option quiet
int zk, zh;
lockstat:::adaptive-acquire /args[0]->lock_name == "zsd_key_lock"/ { zk = 1; }
lockstat:::adaptive-acquire /args[0]->lock_name == "zonehash_lock"/ { zh = 1; }
END { printf("%d %d\n", zk, zh); }
