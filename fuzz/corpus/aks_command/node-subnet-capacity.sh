az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --node-count 10 \
  --max-pods 30 \
  --vnet-subnet-id /subscriptions/REDACTED_AZURE_SUBSCRIPTION_1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-aks
