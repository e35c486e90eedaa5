#!/usr/bin/env bash
set -euo pipefail

az login --service-principal \
  -u 5ca1ab1e-fade-4bad-8bad-00000000c1d1 \
  -p Abc8Q~FAKESbzmVcagT8xPkaL2HveMc34av1ABxc \
  --tenant 7c0ffee0-fade-4bad-8bad-0000000000a1
az account set --subscription 0ddba11a-fade-4bad-8bad-0000000005b1

az aks create \
  --resource-group rg-prod-weu \
  --name aks-prod-weu \
  --network-plugin kubenet \
  --pod-cidr 10.244.0.0/16 \
  --service-cidr 10.0.0.0/16 \
  --dns-service-ip 10.0.0.10 \
  --max-pods 110 \
  --node-count 3 \
  --vnet-subnet-id /subscriptions/0ddba11a-fade-4bad-8bad-0000000005b1/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-aks \
  --service-principal 5ca1ab1e-fade-4bad-8bad-00000000c1d2 \
  --client-secret Xyz9Q~FAKEoOjG1hY85taHFcuREXSUzIuoFFpTBY \
  --load-balancer-outbound-ips /subscriptions/0ddba11a-fade-4bad-8bad-0000000005b1/resourceGroups/rg-network/providers/Microsoft.Network/publicIPAddresses/pip-egress

az storage blob upload --account-name stpodnetlogs \
  --account-key FAKEG7C9SJ28NC84W9tbXD8fpc6z8ofXmHS5TUsy98Py3/RZR1USbeXEp4ccKDBfpVkZP31V+K1ChmpdC5HKrA== \
  --container-name logs --file out.txt
az storage blob list --account-name stpodnetlogs --sas-token "sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-12-31T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=FAKEG/U3UiJ/1bpAPKBd9Ori432UTFT78OxIGFdPofa%3D"
az storage container list --connection-string "DefaultEndpointsProtocol=https;AccountName=stpodnetlogs;AccountKey=FAKEGUX2OJr4j5cohuy2LCbcLvuG05PrF6YVNDNiXD91WFJXOs3E3TBUbCK2metHyok/EI9aUaO4wa3HkJc1Rp==;EndpointSuffix=core.windows.net"

export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=stother;AccountKey=FAKEzU5d5ZqBLYwZxZGjj9MyR+vWTZjYmdctTHC6MqH/NuAzn1NYcCe4Os6VJmHaHrfhWmFrLNvGrLx4O9MwwA==;EndpointSuffix=core.windows.net"
curl -o backup.tar "https://stpodnetlogs.blob.core.windows.net/backup/etcd.tar?sv=2022-11-02&sr=b&sp=r&se=2026-12-31&sig=FAKEqcgrz412vRar6Y0WujJ03QsrjPpCdo77O1eRXdl%3D"
SERVICEBUS="Endpoint=sb://podnet-fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=FAKEWDgM7bvZkOxE8W1rZJTLwtpRY9UYbRvr3GT0DIb="
az sql db show --server sql-prod -n app
SQL="Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=FAKEoLspQUoVxWBLMPK8;Encrypt=True;"
