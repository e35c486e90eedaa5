RESOURCE_GROUP=myResourceGroup
CLUSTER_NAME=myAKSCluster
VM_SIZE=Standard_D4ds_v5

az aks create \
	--resource-group $RESOURCE_GROUP \
	--name $CLUSTER_NAME \
	--node-count 3 \
	--node-vm-size $VM_SIZE \
	--generate-ssh-keys

az aks nodepool add \
	--resource-group $RESOURCE_GROUP \
	--name $CLUSTER_NAME \
	--node-count 1 \
	--node-vm-size $VM_SIZE \
