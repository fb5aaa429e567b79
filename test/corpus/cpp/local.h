/* a header beside the scripts */
#define LOCAL_VALUE 3
