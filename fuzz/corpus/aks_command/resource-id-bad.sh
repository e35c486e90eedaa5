az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay \
  --vnet-subnet-id /subscriptions/my-sub/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet
