az aks create \
    --resource-group rg-prod-eus2 \
    --name aks-prod-eus2 \
    --node-count 3 \
    --node-vm-size Standard_D4ds_v5 \
    --network-plugin kubenet \
    --pod-cidr 10.244.0.0/16 \
    --service-cidr 10.0.0.0/16 \
    --dns-service-ip 10.0.0.10 \
    --vnet-subnet-id /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod-eus2/providers/Microsoft.Network/virtualNetworks/vnet-prod-eus2/subnets/snet-aks-nodes
