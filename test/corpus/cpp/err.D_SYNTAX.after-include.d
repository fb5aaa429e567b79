#include "local.h"
BEGIN { exit(0) }
BEGIN { x = ; }
