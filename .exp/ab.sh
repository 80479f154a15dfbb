#!/bin/bash
# A/B store of generated ×F: old tree (/tmp/exp/old) and new (/work/main), alternated N pairs.
F=${1:-4}; N=${2:-3}
for i in $(seq 1 $N); do
  for t in old new; do
    d=/tmp/exp/old; [ $t = new ] && d=/work/main
    rm -rf /tmp/exp/ab-$t
    args="{\"engine\":\"sqlite\",\"source\":\"generated\",\"factor\":$F,\"poolFile\":\"/tmp/exp/pool.json\",\"targetBytes\":$((F*26911357)),\"search\":false,\"keepDir\":\"/tmp/exp/ab-$t\"}"
    r=$(cd $d && node --import tsx bench/worker.ts "$args" 2>/dev/null | tail -1)
    echo "$t $(echo "$r" | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log("store_s",r.seconds.toFixed(1),"db_mb",(r.dbBytes/1e6).toFixed(1),"rss_mb",(r.peakRssBytes/1e6).toFixed(0))')"
  done
done
