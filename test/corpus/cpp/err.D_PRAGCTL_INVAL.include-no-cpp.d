#include "local.h"
BEGIN { exit(0); }
