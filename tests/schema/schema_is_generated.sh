#!/usr/bin/env bash
# The JSON Schemas in docs/schema/ are what `leafpress schema` prints now: regenerate them with
#   build/leafpress schema > docs/schema/leaflet.schema.json
#   build/leafpress schema strings > docs/schema/strings.schema.json
# after changing the loader's table of keys (src/load/leaflet_schema.cpp).
#
#   schema_is_generated.sh SOURCE_DIR LEAFPRESS_BINARY
set -euo pipefail
source_dir="$1"
leafpress="$2"
status=0
diff -u "$source_dir/docs/schema/leaflet.schema.json" <("$leafpress" schema leaflet) || status=1
diff -u "$source_dir/docs/schema/strings.schema.json" <("$leafpress" schema strings) || status=1
exit "$status"
